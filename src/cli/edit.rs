//! The edits from the command line: `bered score|decide|stage|follow-up|new`. An invalid value
//! or unknown id is a clear error and changes nothing; what was done is said in the user's
//! language, criteria by their labels.

use std::path::{Path, PathBuf};

use bered::edit::{Edit, EditError, apply, digest, new_initiative, write_atomic};
use bered::i18n::msg::Msg;
use bered::i18n::{Lang, format_decimal, words};
use bered::load::{self, Loaded, Origin, shown, yaml::suggestion};
use bered::model::{Date, Initiative, Model};

use super::Failure;

/// Loads what an edit of `id` needs from the portfolio it will change (in a folder, only that
/// initiative's file); the built-in sample is read-only.
fn editable(path: Option<&Path>, id: &str, lang: Lang) -> Result<Loaded, Failure> {
    let loaded = load::load_for_edit(path, id).map_err(|e| super::load_failure(&e, lang))?;
    if loaded.origin == Origin::Embedded {
        return Err(Failure::say(Msg::SampleReadOnly, lang, &[]));
    }
    Ok(loaded)
}

fn find<'a>(loaded: &'a Loaded, id: &str, lang: Lang) -> Result<&'a Initiative, Failure> {
    if let Some(ini) = loaded.portfolio.initiatives.iter().find(|i| i.id == id) {
        return Ok(ini);
    }
    if let Some(d) = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.path.file_stem().is_some_and(|s| s == id))
    {
        return Err(Failure::say(
            Msg::NotLoaded,
            lang,
            &[&id, &d.render_in(lang)],
        ));
    }
    match suggestion(id, &known_ids(loaded)) {
        Some(s) => Err(Failure::say(Msg::NoInitiativeMeant, lang, &[&id, &s])),
        None => Err(Failure::say(Msg::NoInitiative, lang, &[&id])),
    }
}

/// The ids a mistyped one may have meant: in a folder the file stems (only the edited file was
/// read), else the loaded initiatives.
fn known_ids(loaded: &Loaded) -> Vec<String> {
    if let Origin::Folder(dir) = &loaded.origin
        && let Ok(entries) = std::fs::read_dir(dir.join("initiatives"))
    {
        let stems = entries.flatten().map(|e| e.path());
        let yaml = stems.filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"));
        return yaml
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
    }
    loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

/// Applies one edit to the initiative `id` and writes it atomically. Returns what was done.
pub fn run(path: Option<&Path>, id: &str, edit: &Edit, lang: Lang) -> Result<String, Failure> {
    let loaded = editable(path, id, lang)?;
    let ini = find(&loaded, id, lang)?;
    check(&loaded, ini, edit, lang)?;
    let item = matches!(loaded.origin, Origin::File(_)).then_some(id);
    let edit_failure = |e: EditError| Failure::text(e.text(lang));
    let bytes = load::read::read_capped(None, &ini.path).map_err(|m| {
        let m = bered::i18n::msg::translate(&m, lang);
        Failure::say(Msg::CannotRead, lang, &[&shown(&ini.path), &m])
    })?;
    let before = String::from_utf8(bytes)
        .map_err(|e| Failure::say(Msg::CannotRead, lang, &[&shown(&ini.path), &e.utf8_error()]))?;
    let after = apply(&before, item, edit).map_err(edit_failure)?;
    write_atomic(&ini.path, &after, digest(before.as_bytes())).map_err(edit_failure)?;
    Ok(describe(&loaded.portfolio.model, ini, edit, lang))
}

/// A criterion as people read it: its label in `lang`, the id only when the model has no
/// such criterion.
fn label(model: &Model, id: &str, lang: Lang) -> String {
    model.criterion(id).map_or_else(
        || id.to_string(),
        |c| lang.pick(&c.name_sv, &c.name_en).to_string(),
    )
}

fn check(loaded: &Loaded, ini: &Initiative, edit: &Edit, lang: Lang) -> Result<(), Failure> {
    match edit {
        Edit::Score {
            criterion, value, ..
        } => {
            let model = &loaded.portfolio.model;
            if model.criterion(criterion).is_none() {
                let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
                return Err(match suggestion(criterion, &ids) {
                    Some(s) => {
                        let meant = format!("`{s}` ({})", label(model, s, lang));
                        Failure::say(Msg::UnknownCriterionMeant, lang, &[criterion, &meant])
                    }
                    None => {
                        Failure::say(Msg::UnknownCriterion, lang, &[criterion, &ids.join(", ")])
                    }
                });
            }
            if !(1..=4).contains(value) {
                return Err(Failure::say(Msg::BadScore, lang, &[value]));
            }
        }
        Edit::FollowUp { benefit, date, .. } => {
            let benefits = &ini.file.benefits;
            let Some(b) = benefits.iter().find(|b| b.id.value == *benefit) else {
                let ids: Vec<&str> = benefits.iter().map(|b| b.id.value.as_str()).collect();
                let list = if ids.is_empty() {
                    Msg::NoneWord.template(lang).to_string()
                } else {
                    ids.join(", ")
                };
                return Err(Failure::say(
                    Msg::NoBenefit,
                    lang,
                    &[benefit, &ini.id, &list],
                ));
            };
            if let Some(start) = &b.start
                && *date < start.value
            {
                let args: [&dyn std::fmt::Display; 3] = [date, benefit, &start.value];
                return Err(Failure::say(Msg::FollowUpBeforeStart, lang, &args));
            }
        }
        Edit::Decision { .. } | Edit::Stage(_) => {}
    }
    Ok(())
}

/// What was done, in `lang`: "e-arkiv: poäng Projektets komplexitet 3 → 2 (initiatives/e-arkiv.yaml)".
pub fn describe(model: &Model, ini: &Initiative, edit: &Edit, lang: Lang) -> String {
    let id = &ini.id;
    let path = shown(&ini.path);
    let stage = |s| in_sentence(words::stage(s, lang));
    match edit {
        Edit::Score {
            criterion, value, ..
        } => {
            let name = label(model, criterion, lang);
            match ini.scores.get(criterion) {
                Some(old) => Msg::DoneScore.say(lang, &[id, &name, old, value, &path]),
                None => Msg::DoneScoreNew.say(lang, &[id, &name, value, &path]),
            }
        }
        Edit::Decision { date, outcome, .. } => {
            let word = in_sentence(words::outcome(*outcome, lang));
            match (ini.stage(), outcome.stage_after()) {
                (Some(old), Some(new)) if old != new => Msg::DoneDecisionStage
                    .say(lang, &[id, &word, date, &stage(old), &stage(new), &path]),
                _ => Msg::DoneDecision.say(lang, &[id, &word, date, &path]),
            }
        }
        Edit::Stage(new) => {
            let old = ini.stage().map_or_else(|| "–".to_string(), stage);
            Msg::DoneStage.say(lang, &[id, &old, &stage(*new), &path])
        }
        Edit::FollowUp {
            benefit,
            date,
            value,
            ..
        } => {
            let value = format_decimal(value.0, value.0.normalize().scale(), lang);
            Msg::DoneFollowUp.say(lang, &[id, benefit, &value, date, &path])
        }
    }
}

/// A label as a word inside a sentence: "Beslutad" → "beslutad".
fn in_sentence(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `bered new ID --title TEXT`: writes `initiatives/ID.yaml`, never over an existing file.
pub fn new(
    path: Option<&Path>,
    id: &str,
    title: &str,
    today: Date,
    lang: Lang,
) -> Result<String, Failure> {
    if let Err(problem) = load::ids::check(id) {
        return Err(Failure::text(super::id_refusal(id, problem, lang)));
    }
    let loaded = editable(path, id, lang)?;
    let Origin::Folder(dir) = &loaded.origin else {
        return Err(Failure::say(Msg::NewNeedsFolder, lang, &[]));
    };
    let folder: PathBuf = dir.join("initiatives");
    let show = |p: &Path| shown(p);
    std::fs::create_dir_all(&folder)
        .map_err(|e| Failure::say(Msg::CannotCreate, lang, &[&show(&folder), &e]))?;
    let file = folder.join(format!("{id}.yaml"));
    let cannot_write =
        |e: &dyn std::fmt::Display| Failure::say(Msg::CannotWrite, lang, &[&show(&folder), e]);
    let mut temp = tempfile::NamedTempFile::new_in(&folder).map_err(|e| cannot_write(&e))?;
    std::io::Write::write_all(&mut temp, new_initiative(title, today).as_bytes())
        .map_err(|e| cannot_write(&e))?;
    temp.as_file().sync_all().map_err(|e| cannot_write(&e))?;
    temp.persist_noclobber(&file)
        .map_err(|e| match e.error.kind() {
            std::io::ErrorKind::AlreadyExists => {
                Failure::say(Msg::AlreadyExists, lang, &[&show(&file)])
            }
            _ => Failure::say(Msg::CannotWrite, lang, &[&show(&file), &e.error]),
        })?;
    Ok(Msg::DoneNew.say(lang, &[&id, &show(&file)]))
}

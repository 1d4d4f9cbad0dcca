//! The edits from the command line: `bered score|decide|stage|follow-up|new`. An invalid value
//! or unknown id is a clear error and changes nothing.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};

use super::{Edit, apply, digest, new_initiative, write_atomic};
use crate::load::{self, Loaded, Origin, yaml::suggestion};
use crate::model::{Date, Initiative};

/// Loads what an edit of `id` needs from the portfolio it will change (in a folder, only that
/// initiative's file); the built-in sample is read-only.
fn editable(path: Option<&Path>, id: &str) -> anyhow::Result<Loaded> {
    let loaded = load::load_for_edit(path, id)?;
    if loaded.origin == Origin::Embedded {
        bail!(
            "the built-in sample portfolio cannot be edited: pass a portfolio with -p PATH (or run in a folder that has ./portfolio)"
        );
    }
    Ok(loaded)
}

fn find<'a>(loaded: &'a Loaded, id: &str) -> anyhow::Result<&'a Initiative> {
    if let Some(ini) = loaded.portfolio.initiatives.iter().find(|i| i.id == id) {
        return Ok(ini);
    }
    if let Some(d) = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.path.file_stem().is_some_and(|s| s == id))
    {
        bail!(
            "initiative `{id}` has errors and was not loaded; fix them first:\n{}",
            d.render()
        );
    }
    match suggestion(id, &known_ids(loaded)) {
        Some(s) => bail!("no initiative `{id}`; did you mean `{s}`?"),
        None => bail!("no initiative `{id}` in the portfolio"),
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
pub fn run(path: Option<&Path>, id: &str, edit: &Edit) -> anyhow::Result<String> {
    let loaded = editable(path, id)?;
    let ini = find(&loaded, id)?;
    check(&loaded, ini, edit)?;
    let item = matches!(loaded.origin, Origin::File(_)).then_some(id);
    let before = std::fs::read_to_string(&ini.path)
        .with_context(|| format!("cannot read {}", ini.path.display()))?;
    let after = apply(&before, item, edit)?;
    write_atomic(&ini.path, &after, digest(before.as_bytes()))?;
    Ok(format!("{id}: {} ({})", describe(edit), ini.path.display()))
}

fn check(loaded: &Loaded, ini: &Initiative, edit: &Edit) -> anyhow::Result<()> {
    match edit {
        Edit::Score {
            criterion, value, ..
        } => {
            let model = &loaded.portfolio.model;
            if model.criterion(criterion).is_none() {
                let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
                let hint = suggestion(criterion, &ids)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_else(|| format!("; the criteria are: {}", ids.join(", ")));
                bail!("unknown criterion `{criterion}`{hint}");
            }
            if !(1..=4).contains(value) {
                bail!("a score is a whole number from 1 to 4, not {value}");
            }
        }
        Edit::FollowUp { benefit, date, .. } => {
            let b = ini
                .file
                .benefits
                .iter()
                .find(|b| b.id.value == *benefit)
                .ok_or_else(|| {
                    let ids: Vec<String> = ini
                        .file
                        .benefits
                        .iter()
                        .map(|b| b.id.value.clone())
                        .collect();
                    anyhow!(
                        "no benefit `{benefit}` in `{}`; its benefits are: {}",
                        ini.id,
                        if ids.is_empty() {
                            "none".into()
                        } else {
                            ids.join(", ")
                        }
                    )
                })?;
            if let Some(start) = &b.start
                && *date < start.value
            {
                bail!(
                    "a follow-up dated {date} would be before benefit `{benefit}` starts {}",
                    start.value
                );
            }
        }
        Edit::Decision { .. } | Edit::Stage(_) => {}
    }
    Ok(())
}

pub fn describe(edit: &Edit) -> String {
    match edit {
        Edit::Score {
            criterion, value, ..
        } => format!("{criterion} = {value}"),
        Edit::Decision { date, outcome, .. } => format!("decision {} on {date}", outcome.id()),
        Edit::Stage(stage) => format!("stage = {}", stage.id()),
        Edit::FollowUp {
            benefit,
            date,
            value,
            ..
        } => format!("follow-up of {benefit}: {value} on {date}"),
    }
}

/// `bered new ID --title TEXT`: writes `initiatives/ID.yaml`, never over an existing file.
pub fn new(path: Option<&Path>, id: &str, title: &str, today: Date) -> anyhow::Result<String> {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        bail!(
            "an id is lowercase letters a–z, digits and hyphens, such as `e-tjanst-bygglov`; got `{id}`"
        );
    }
    let loaded = editable(path, id)?;
    let Origin::Folder(dir) = &loaded.origin else {
        bail!("`bered new` adds a file to a portfolio folder; this portfolio is a single file");
    };
    let folder: PathBuf = dir.join("initiatives");
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let file = folder.join(format!("{id}.yaml"));
    let mut temp = tempfile::NamedTempFile::new_in(&folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;
    std::io::Write::write_all(&mut temp, new_initiative(title, today).as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(&file)
        .map_err(|e| match e.error.kind() {
            std::io::ErrorKind::AlreadyExists => {
                anyhow!("{} already exists; nothing was written", file.display())
            }
            _ => anyhow!("cannot write {}: {}", file.display(), e.error),
        })?;
    Ok(format!("{id}: created {}", file.display()))
}

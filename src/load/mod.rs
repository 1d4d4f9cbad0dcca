//! Reading a portfolio folder or file, validation, errors with file:line:col.
//!
//! A portfolio is a folder (`portfolio.yaml` + `initiatives/<id>.yaml`) or one file with an
//! `initiatives:` list. Loading never stops at a broken initiative: it returns every initiative
//! that loaded cleanly, plus a diagnostic for each problem found.

pub mod cache;
mod diagnostic;
mod files;
pub mod ids;
mod lenient;
pub mod memory;
pub mod read;
pub mod schema;
mod settings;
mod single;
mod validate;
pub mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Severity, shown};
pub use files::{MAX_FILE_BYTES, initiative_from_bytes};

/// A fingerprint of a file's bytes, to notice that it changed on disk since it was read, and
/// the key of its entry in the parse cache: xxh3, stable across runs and machines, and fast.
pub fn digest(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}
pub use single::load_text;

use crate::model::Model;
use crate::model::{Initiative, InitiativeFile, Loc, Portfolio, PortfolioFile, Settings};
use validate::Checker;

/// A loaded portfolio and what was found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub portfolio: Portfolio,
    pub diagnostics: Vec<Diagnostic>,
    /// Where it was read from, for messages and for reloading.
    pub origin: Origin,
    /// A digest (`load::digest`) of the bytes read from each initiative file, so that a later
    /// write can tell whether the file changed on disk since it was loaded.
    pub digests: HashMap<PathBuf, u64>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Where a portfolio comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Folder(PathBuf),
    File(PathBuf),
    /// The sample portfolio compiled into the binary.
    Embedded,
}

/// The portfolio could not be read at all (as opposed to problems inside it).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    #[error(
        "{0}: not a portfolio: expected a folder with portfolio.yaml and initiatives/, or a .yaml file"
    )]
    NotAPortfolio(PathBuf),
}

/// Chooses the portfolio: the given path; else the working directory when it is a portfolio
/// folder (it has `portfolio.yaml`); else `./portfolio` when it exists; else the sample.
pub fn resolve(path: Option<&Path>) -> Option<PathBuf> {
    match path {
        Some(p) => Some(p.to_path_buf()),
        None if Path::new("portfolio.yaml").is_file() => Some(PathBuf::from(".")),
        None => {
            let local = Path::new("portfolio");
            local.is_dir().then(|| local.to_path_buf())
        }
    }
}

/// Loads `path` when given, else the default of `resolve`.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match resolve(path) {
        Some(p) => load_path(&p),
        None => Ok(load_embedded()),
    }
}

/// A folder is a portfolio when it has `portfolio.yaml` or `initiatives/`.
fn portfolio_folder(path: &Path) -> Result<(), LoadError> {
    let has_parts = path.join("portfolio.yaml").exists() || path.join("initiatives").exists();
    if has_parts {
        Ok(())
    } else {
        Err(LoadError::NotAPortfolio(path.to_path_buf()))
    }
}

/// Loads what an edit of initiative `id` needs: in a folder only `portfolio.yaml` and that
/// initiative's own file; a single file or the built-in sample whole.
pub fn load_for_edit(path: Option<&Path>, id: &str) -> Result<Loaded, LoadError> {
    match resolve(path) {
        Some(p) if p.is_dir() => {
            portfolio_folder(&p)?;
            Ok(files::load_folder_only(
                &p,
                &files::Disk::inside(&p),
                Some(id),
            ))
        }
        _ => load(path),
    }
}

/// Loads a portfolio folder or single file.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        portfolio_folder(path)?;
        Ok(files::load_folder(path, &files::Disk::inside(path)))
    } else if path.exists() || path.symlink_metadata().is_ok() {
        Ok(single::load_file(path))
    } else {
        Err(LoadError::NotFound(path.to_path_buf()))
    }
}

/// Loads a portfolio folder through the parse cache `cache` (none: every file parsed),
/// whatever the process's setting; for tests and benchmarks.
pub fn load_folder_with_cache(
    dir: &Path,
    cache: Option<&cache::Cache>,
) -> Result<Loaded, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::NotFound(dir.to_path_buf()));
    }
    portfolio_folder(dir)?;
    Ok(files::load_folder_in(
        dir,
        &files::Disk::inside(dir),
        None,
        cache,
    ))
}

/// The sample portfolio compiled into the binary.
pub fn load_embedded() -> Loaded {
    let mut loaded = files::load_folder(Path::new("portfolio"), &files::Embedded);
    loaded.origin = Origin::Embedded;
    loaded
}

/// Parses and builds the settings and model of a `portfolio.yaml` text.
fn portfolio_settings(
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (PortfolioFile, Settings, Model) {
    let mut c = Checker::new(path, text);
    let file = if is_blank(text) {
        PortfolioFile::default()
    } else {
        yaml::parse::<PortfolioFile>(text).unwrap_or_else(|e| {
            c.error(e.loc, e.message, e.hint);
            PortfolioFile::default()
        })
    };
    let (settings, model) = settings::build(&mut c, &file);
    diagnostics.append(&mut c.diagnostics);
    (file, settings, model)
}

/// Parses and validates one initiative text; `id` is `None` in single-file form, where the
/// file's `id:` key names it. `first_line` places a slice of a larger file.
fn initiative(
    path: &Path,
    text: &str,
    first_line: u32,
    id: Option<&str>,
    context: (&Model, &Settings),
) -> (Option<Initiative>, Vec<Diagnostic>) {
    let mut c = Checker::new(path, text);
    let file = match yaml::parse_at::<InitiativeFile<Loc>>(text, first_line) {
        Ok(file) => file,
        Err(e) => {
            every_problem(&mut c, e, first_line, context.0);
            return (None, fix_sources(c.diagnostics, text, first_line));
        }
    };
    let id = initiative_id(&mut c, &file, id, first_line);
    let scores = validate::check_initiative(&mut c, &file, context.0, context.1);
    let ok = !c.has_errors();
    let initiative = ok.then(|| Initiative {
        id,
        path: path.to_path_buf(),
        file: file.kept(),
        scores,
    });
    (initiative, fix_sources(c.diagnostics, text, first_line))
}

/// The typed parse stops at its first error; the untyped pass finds the others, one a line.
/// Not after a refusal (an alias bomb, nesting too deep): that text is not read on.
fn every_problem(c: &mut Checker, e: yaml::YamlError, first_line: u32, model: &Model) {
    let rest = if e.message.starts_with("refused") {
        Vec::new()
    } else {
        lenient::findings(c.text, first_line, model)
    };
    let mut seen = vec![e.loc.line];
    c.error(e.loc, e.message, e.hint);
    for (loc, message, hint) in rest {
        if !seen.contains(&loc.line) {
            seen.push(loc.line);
            c.error(loc, message, hint);
        }
    }
}

/// The initiative's id: the file stem in folder form (`stem`), else its `id:`; checked as an id
/// where it is written.
fn initiative_id(
    c: &mut Checker,
    file: &InitiativeFile<Loc>,
    stem: Option<&str>,
    first_line: u32,
) -> String {
    let start = Loc {
        line: first_line,
        col: 1,
    };
    let (id, loc) = match (stem, &file.id) {
        (Some(stem), Some(written)) if written.value != stem => {
            c.error(
                written.loc,
                format!(
                    "`id: {}` differs from the file name `{stem}`",
                    written.value
                ),
                Some("the id is the file name; remove `id:` or rename the file".into()),
            );
            (stem.to_string(), start)
        }
        (Some(stem), _) => (stem.to_string(), start),
        (None, Some(written)) => (written.value.clone(), written.loc),
        (None, None) => {
            c.error(
                start,
                "missing required key `id`",
                Some("in a single-file portfolio every initiative needs `id:`".into()),
            );
            return String::new();
        }
    };
    if let Err(problem) = ids::check(&id) {
        c.error(loc, ids::message(&id, problem), None);
    }
    id
}

/// Source lines were taken from a slice; re-take them counting the slice's offset.
fn fix_sources(mut diagnostics: Vec<Diagnostic>, text: &str, first_line: u32) -> Vec<Diagnostic> {
    if first_line > 1 {
        for d in &mut diagnostics {
            d.source_line = d
                .line
                .checked_sub(first_line)
                .and_then(|i| text.lines().nth(i as usize))
                .map(|l| l.trim_end_matches('\r').to_string());
        }
    }
    diagnostics
}

/// Only blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    })
}

/// Ids used twice (two files `a.yaml` and `a.yml`, or a repeated `id:` in a single file): the
/// first is kept. In place: a portfolio of 100,000 is not moved into a second list.
fn check_duplicate_ids(initiatives: &mut Vec<Initiative>, diagnostics: &mut Vec<Diagnostic>) {
    initiatives.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    // `later` is dropped when it has the id of `kept`, the one before it that stays.
    initiatives.dedup_by(|later, kept| {
        if later.id != kept.id {
            return false;
        }
        let loc = later
            .file
            .id
            .as_ref()
            .map(|i| i.loc)
            .unwrap_or(Loc { line: 1, col: 1 });
        diagnostics.push(
            Diagnostic::error(
                &later.path,
                loc,
                format!("initiative id `{}` is used twice", later.id),
            )
            .with_hint(Some(format!("also in {}", kept.path.display()))),
        );
        true
    });
}

fn finish(
    settings: Settings,
    model: Model,
    mut initiatives: Vec<Initiative>,
    mut diagnostics: Vec<Diagnostic>,
    origin: Origin,
) -> Loaded {
    check_duplicate_ids(&mut initiatives, &mut diagnostics);
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    Loaded {
        portfolio: Portfolio {
            settings,
            model,
            initiatives,
        },
        diagnostics,
        origin,
        digests: HashMap::new(),
    }
}

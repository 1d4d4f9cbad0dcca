//! `bered check` and `bered schema`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::i18n::Lang;
use crate::load::{self, Loaded, Origin, schema};

/// Prints every diagnostic compiler-style and a summary; exit 1 when there are errors.
pub fn run(path: Option<&Path>, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let loaded = load::load(path)?;
    let out = if json {
        render_json(&loaded)?
    } else {
        render_text(&loaded, lang)
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`bered check | head`) is not an error worth a message.
    let _ = stdout.write_all(out.as_bytes());
    Ok(if loaded.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::Folder(p) | Origin::File(p) => p.display().to_string(),
        Origin::Embedded => "the built-in sample portfolio".into(),
    }
}

pub fn render_text(loaded: &Loaded, lang: Lang) -> String {
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out.push_str(&d.render());
        out.push_str("\n\n");
    }
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    let n = loaded.portfolio.initiatives.len();
    let place = origin_name(&loaded.origin);
    let summary = match lang {
        Lang::Sv => format!(
            "{place}: {n} initiativ inlästa, {errors} fel, {warnings} {}",
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            }
        ),
        Lang::En => format!(
            "{place}: {n} initiatives loaded, {errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    };
    out.push_str(&summary);
    out.push('\n');
    out
}

pub fn render_json(loaded: &Loaded) -> anyhow::Result<String> {
    let value = serde_json::json!({
        "portfolio": origin_name(&loaded.origin),
        "initiatives": loaded.portfolio.initiatives.len(),
        "errors": loaded.errors(),
        "warnings": loaded.warnings(),
        "diagnostics": loaded.diagnostics,
    });
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

/// Prints one schema, or writes both into `out`.
pub fn schema(
    path: Option<&Path>,
    portfolio: bool,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let loaded = load::load(path)?;
    let p = &loaded.portfolio;
    let initiative = schema::initiative(&p.model, &p.settings);
    let settings = schema::portfolio();
    match out {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, value) in [
                ("portfolio.schema.json", &settings),
                ("initiative.schema.json", &initiative),
            ] {
                let file = dir.join(name);
                std::fs::write(&file, schema::to_text(value))
                    .with_context(|| format!("cannot write {}", file.display()))?;
            }
        }
        None => {
            let value = if portfolio { &settings } else { &initiative };
            let _ = std::io::stdout().write_all(schema::to_text(value).as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
}

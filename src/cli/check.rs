//! `bered check` and `bered schema`: load, print, exit 1 on errors.

use std::path::Path;
use std::process::ExitCode;

use bered::i18n::Lang;
use bered::i18n::msg::Msg;
use bered::load::{self, schema};
use bered::report::check::{render_json, render_text};

use super::{Failure, load_failure, print};

/// Prints every diagnostic compiler-style and a summary; exit 1 when there are errors.
pub fn run(path: Option<&Path>, json: bool, lang: Lang) -> Result<ExitCode, Failure> {
    let loaded = load::load(path).map_err(|e| load_failure(&e, lang))?;
    if json {
        let text = render_json(&loaded).map_err(|e| Failure::text(e.to_string()))?;
        super::print_json(&text);
    } else {
        print(&render_text(&loaded, lang));
    }
    Ok(if loaded.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints one schema, or writes both into `out`.
pub fn schema(
    path: Option<&Path>,
    portfolio: bool,
    out: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let loaded = load::load(path).map_err(|e| load_failure(&e, lang))?;
    let p = &loaded.portfolio;
    let initiative = schema::initiative(&p.model, &p.settings);
    let settings = schema::portfolio();
    match out {
        Some(dir) => {
            let shown = load::shown(dir);
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure::say(Msg::CannotCreate, lang, &[&shown, &e]))?;
            for (name, value) in [
                ("portfolio.schema.json", &settings),
                ("initiative.schema.json", &initiative),
            ] {
                let file = dir.join(name);
                std::fs::write(&file, schema::to_text(value)).map_err(|e| {
                    Failure::say(Msg::CannotWrite, lang, &[&load::shown(&file), &e])
                })?;
            }
        }
        None => {
            let value = if portfolio { &settings } else { &initiative };
            super::print_json(&schema::to_text(value));
        }
    }
    Ok(ExitCode::SUCCESS)
}

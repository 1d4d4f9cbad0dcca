//! What `bered check` prints: every diagnostic compiler-style, then a summary; or JSON.

use crate::i18n::Lang;
use crate::i18n::msg::Msg;
use crate::i18n::safe;
use crate::load::{Loaded, Origin};

/// The portfolio's name in messages: its path, made visible, or the built-in sample.
pub fn origin_name(origin: &Origin, lang: Lang) -> String {
    match origin {
        Origin::Folder(p) | Origin::File(p) => safe::line(&p.display().to_string()).into_owned(),
        Origin::Embedded => Msg::Sample.template(lang).into(),
    }
}

pub fn render_text(loaded: &Loaded, lang: Lang) -> String {
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out.push_str(&d.render_in(lang));
        out.push_str("\n\n");
    }
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    let n = loaded.portfolio.initiatives.len();
    let place = origin_name(&loaded.origin, lang);
    let warnings = match warnings {
        1 => Msg::OneWarning.template(lang).to_string(),
        w => Msg::Warnings.say(lang, &[&w]),
    };
    let error_word = if errors == 1 {
        Msg::OneErrorWord
    } else {
        Msg::ErrorsWord
    };
    let error_word = error_word.template(lang);
    let summary = Msg::CheckSummary.say(lang, &[&place, &n, &errors, &error_word, &warnings]);
    out.push_str(&summary);
    out.push('\n');
    out
}

/// JSON for machines: ids and English messages, every text from the files made visible.
pub fn render_json(loaded: &Loaded) -> anyhow::Result<String> {
    let value = serde_json::json!({
        "portfolio": origin_name(&loaded.origin, Lang::En),
        "initiatives": loaded.portfolio.initiatives.len(),
        "errors": loaded.errors(),
        "warnings": loaded.warnings(),
        "diagnostics": loaded.diagnostics.iter().map(|d| d.visible()).collect::<Vec<_>>(),
    });
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

//! An arbitrary file plus an arbitrary edit: either a minimal, re-parseable result or a
//! refusal, never a panic or a corrupted file.
#![no_main]

use bered::edit::{Edit, apply};
use bered::model::{Date, Dec, Outcome, Stage};
use libfuzzer_sys::fuzz_target;

fn edit_from(selector: u8, text: &str) -> Edit {
    let word: String = text.chars().filter(|c| c.is_alphanumeric() || *c == '_').take(12).collect();
    let date = Date::from_days(19_000 + i64::from(selector) * 7);
    match selector % 4 {
        0 => Edit::Score { criterion: if word.is_empty() { "quality".into() } else { word }, value: 1 + selector % 4, motivation: (selector & 16 != 0).then(|| text.chars().take(20).collect()) },
        1 => Edit::Stage(Stage::ALL[usize::from(selector) % Stage::ALL.len()]),
        2 => Edit::Decision { date, forum: Some("beredningsgruppen".into()), outcome: Outcome::ALL[usize::from(selector) % 5], note: Some(text.chars().take(30).collect()) },
        _ => Edit::FollowUp { benefit: word, date, value: Dec::parse(&format!("{}.{}", selector, selector % 10)).unwrap_or_default(), note: None },
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut cut = text.len() - text.len() / 8;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (file, param) = text.split_at(cut);
    let edit = edit_from(selector, param);
    let item = (selector & 32 != 0).then_some("a");
    if let Ok(new) = apply(file, item, &edit) {
        // The result must read as YAML again, and keep every line it did not mean to change:
        // no original line may vanish except one the edit rewrote in place.
        assert!(bered::load::yaml::parse::<serde_json::Value>(&new).is_ok(), "unparseable result");
        let kept = file.lines().filter(|l| new.contains(l)).count();
        assert!(kept + 2 >= file.lines().count(), "more than the intended lines changed");
    }
});

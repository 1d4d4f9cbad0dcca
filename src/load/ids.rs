//! What an initiative id may be, wherever it comes from: a file name in folder form, `id:` in
//! single-file form, `bered new`.
//!
//! Lower-case ASCII letters a–z, digits and `-`, starting with a letter or digit; not a name
//! Windows reserves for a device. Not å, ä, ö: an id is a file name and a command-line word,
//! and macOS writes `ä` in file names as two code points (NFD) where Linux and Windows write one,
//! so the same id would name two different files; `e-tjanst` reads well enough.

/// Why a text is not an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// Empty, or a character outside a–z, 0–9 and `-`, or a leading `-`.
    Form,
    /// `con`, `nul`, `aux`, `prn`, `com1`…`com9`, `lpt1`…`lpt9`.
    Reserved,
}

/// Checks an id.
pub fn check(id: &str) -> Result<(), IdProblem> {
    let first_ok = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let all_ok = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !first_ok || !all_ok {
        return Err(IdProblem::Form);
    }
    if is_reserved(id) {
        return Err(IdProblem::Reserved);
    }
    Ok(())
}

fn is_reserved(id: &str) -> bool {
    let numbered = |prefix: &str| {
        id.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.chars().all(|c| ('1'..='9').contains(&c)))
    };
    matches!(id, "con" | "nul" | "aux" | "prn") || numbered("com") || numbered("lpt")
}

/// The finding for a loaded id, in the catalogue's words (`i18n::msg`).
pub fn message(id: &str, problem: IdProblem) -> String {
    let id = crate::i18n::safe::line(id);
    match problem {
        IdProblem::Form => format!(
            "`{id}` is not an id: lower-case letters a–z, digits and hyphens, starting with a letter or digit"
        ),
        IdProblem::Reserved => format!("`{id}` is a reserved file name on Windows"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["e-arkiv", "2026-bygglov", "a", "com10", "console"] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "-",
            "-a",
            "E-arkiv",
            "e arkiv",
            "e_arkiv",
            "bygglöv",
            "=HYPERLINK(1)",
            "a\u{1b}b",
        ] {
            assert_eq!(check(bad), Err(IdProblem::Form), "{bad}");
        }
        for reserved in ["con", "nul", "aux", "prn", "com1", "lpt9"] {
            assert_eq!(check(reserved), Err(IdProblem::Reserved), "{reserved}");
        }
    }
}

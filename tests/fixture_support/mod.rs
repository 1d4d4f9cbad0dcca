//! Writable copies of the fixture portfolios, for tests that edit files.
#![allow(dead_code)]

use std::path::Path;

/// A copy of `tests/fixtures/<folder>` (its `portfolio.yaml` and `initiatives/`) in a
/// temporary folder.
pub fn copy_of(folder: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    std::fs::create_dir(dir.path().join("initiatives")).expect("mkdir");
    std::fs::copy(
        src.join("portfolio.yaml"),
        dir.path().join("portfolio.yaml"),
    )
    .expect("copy");
    for entry in std::fs::read_dir(src.join("initiatives")).expect("fixtures") {
        let p = entry.expect("entry").path();
        std::fs::copy(
            &p,
            dir.path()
                .join("initiatives")
                .join(p.file_name().expect("name")),
        )
        .expect("copy");
    }
    dir
}

/// The valid fixture portfolio, to edit.
pub fn valid_portfolio_copy() -> tempfile::TempDir {
    copy_of("valid")
}

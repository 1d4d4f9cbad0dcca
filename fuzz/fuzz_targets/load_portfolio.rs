//! Any text as portfolio.yaml or as a single-file portfolio: never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = bered::load::load_text(Path::new("portfolio.yaml"), text);
    for d in &loaded.diagnostics {
        let _ = d.render();
    }
});

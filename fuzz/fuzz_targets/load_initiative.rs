//! Any bytes as an initiative file: a loaded initiative or diagnostics, never a panic.
#![no_main]

use std::path::Path;

use bered::eval::Model;
use bered::model::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (initiative, diagnostics) =
        bered::load::initiative_from_bytes(Path::new("x.yaml"), data.to_vec(), &Model::nacka(), &Settings::default());
    // Either it loaded, or something says why not.
    assert!(initiative.is_some() || diagnostics.iter().any(|d| d.is_error()));
    for d in &diagnostics {
        let _ = d.render();
    }
});

//! Two (or eight) bered processes editing the same portfolio never lose an edit: each edit
//! either lands, or is refused because the file changed on disk since that process read it.

mod fixture_support;

use std::path::Path;
use std::process::{Command, Output};

use fixture_support::valid_portfolio_copy;

/// Starts all commands at once, then waits for every one.
fn run_together(dir: &Path, commands: &[Vec<String>]) -> Vec<Output> {
    let children: Vec<_> = commands
        .iter()
        .map(|args| {
            Command::new(env!("CARGO_BIN_EXE_bered"))
                // The parse cache in the build folder, never in the home folder.
                .env(
                    "XDG_CACHE_HOME",
                    concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
                )
                .args(args)
                .arg("-p")
                .arg(dir)
                .env("LANG", "en")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

fn score(id: &str, criterion: &str, value: u8) -> Vec<String> {
    vec![
        "score".into(),
        id.into(),
        criterion.into(),
        value.to_string(),
    ]
}

#[test]
fn edits_of_different_initiatives_all_land() {
    let dir = valid_portfolio_copy();
    let outputs = run_together(
        dir.path(),
        &[
            score("e-tjanst-bygglov", "quality", 1),
            score("exakta-belopp", "quality", 2),
        ],
    );
    assert!(outputs.iter().all(|o| o.status.success()), "{outputs:?}");
    let a = std::fs::read_to_string(dir.path().join("initiatives/e-tjanst-bygglov.yaml")).unwrap();
    let b = std::fs::read_to_string(dir.path().join("initiatives/exakta-belopp.yaml")).unwrap();
    assert!(a.contains("  quality: 1\n"));
    assert!(b.contains("  quality: 2\n"));
}

#[test]
fn edits_of_the_same_initiative_land_or_are_refused_never_lost() {
    let criteria = [
        "cost_savings",
        "quality",
        "mandatory",
        "strategic_fit",
        "competence",
        "funding",
        "object_management",
        "technical_support",
    ];
    for round in 0..5 {
        let dir = valid_portfolio_copy();
        let commands: Vec<Vec<String>> = criteria
            .iter()
            .map(|c| score("e-tjanst-bygglov", c, 1))
            .collect();
        let outputs = run_together(dir.path(), &commands);
        let text =
            std::fs::read_to_string(dir.path().join("initiatives/e-tjanst-bygglov.yaml")).unwrap();
        let mut landed = 0;
        for (criterion, out) in criteria.iter().zip(&outputs) {
            let line = format!("  {criterion}: 1\n");
            if out.status.success() {
                landed += 1;
                assert!(
                    text.contains(&line),
                    "round {round}: `{criterion}` was reported written but is lost:\n{text}"
                );
            } else {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.contains("changed on disk since it was loaded"),
                    "round {round}: {err}"
                );
                assert!(
                    !text.contains(&line),
                    "round {round}: `{criterion}` was refused but written"
                );
            }
        }
        assert!(
            landed >= 1,
            "round {round}: at least the first writer lands"
        );
        let check = Command::new(env!("CARGO_BIN_EXE_bered"))
            // The parse cache in the build folder, never in the home folder.
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
            )
            .args(["check", "-p"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "the file still loads: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

//! `bered serve`: from an editor's Enter to the change on another client's screen — the score
//! written by the writer, published, and drawn into the viewer's terminal (in-process clients
//! over in-memory streams, as in `tests/serve.rs`). The goal is well under 0.5 s.
//!
//!     cargo bench --bench serve

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use criterion::{Criterion, criterion_group, criterion_main};
use serve_support::Rig;

fn quality_is(screen: &str, value: u8) -> bool {
    screen
        .lines()
        .any(|l| l.contains("Better quality") && l.contains(&format!(" {value} ")))
}

fn edit_reaches_another_screen(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let (rig, editor, viewer) = runtime.block_on(async {
        let rig = Rig::new().await;
        let editor = rig.connect(1).await;
        let viewer = rig.connect(2).await;
        for client in [&editor, &viewer] {
            client.wait_for("Chattbot i kontaktcenter").await;
            client.send("jjj\r2").await;
            client.wait_for("Better quality").await;
        }
        (rig, editor, viewer)
    });
    let mut score = 4;
    let mut group = c.benchmark_group("serve");
    group.sample_size(30);
    group.bench_function("a score edited by one client on another's screen", |b| {
        b.iter(|| {
            score = if score == 4 { 1 } else { 4 };
            runtime.block_on(async {
                editor.send(&format!("e2{score}\r")).await;
                viewer
                    .wait_until("the new score", |s| quality_is(s, score))
                    .await;
            });
        });
    });
    group.finish();
    drop(rig);
}

criterion_group!(benches, edit_reaches_another_screen);
criterion_main!(benches);

//! The cache is never trusted blindly: whatever happens to a pack, a load gives what parsing
//! the files gives.

use std::path::{Path, PathBuf};

use super::*;
use crate::load::{Loaded, load_folder_with_cache};

/// A copy of the sample portfolio in a temporary folder, and an empty cache folder.
fn setup() -> (tempfile::TempDir, PathBuf, Cache) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("portfolio");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    std::fs::create_dir_all(dir.join("initiatives")).expect("mkdir");
    std::fs::copy(sample.join("portfolio.yaml"), dir.join("portfolio.yaml")).expect("copy");
    for entry in std::fs::read_dir(sample.join("initiatives")).expect("sample") {
        let path = entry.expect("entry").path();
        let to = dir
            .join("initiatives")
            .join(path.file_name().expect("name"));
        std::fs::copy(&path, to).expect("copy");
    }
    let cache = Cache::at(&tmp.path().join("cache"));
    (tmp, dir, cache)
}

/// Everything a load gives, as text: every initiative with its locations, every diagnostic
/// and every digest.
fn shown(loaded: &Loaded) -> String {
    let mut digests: Vec<_> = loaded.digests.iter().collect();
    digests.sort();
    format!(
        "{:#?}\n{:#?}\n{digests:?}",
        loaded.portfolio, loaded.diagnostics
    )
}

fn load(dir: &Path, cache: Option<&Cache>) -> String {
    shown(&load_folder_with_cache(dir, cache).expect("load"))
}

fn pack_of(cache: &Cache, dir: &Path) -> PathBuf {
    cache.pack_path(dir)
}

/// The pack of `dir` as a start opens it.
fn open(cache: &Cache, dir: &Path) -> Pack {
    let text = std::fs::read_to_string(dir.join("portfolio.yaml")).unwrap_or_default();
    cache.open(dir, context(&text))
}

fn hits(cache: &Cache, dir: &Path) -> usize {
    let pack = open(cache, dir);
    let files = std::fs::read_dir(dir.join("initiatives")).expect("files");
    files
        .flatten()
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let name = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            pack.entry(&name, crate::load::digest(&bytes)).is_some()
        })
        .count()
}

#[test]
fn a_warm_load_equals_a_cold_one_and_uses_the_cache() {
    let (_tmp, dir, cache) = setup();
    let plain = load(&dir, None);
    assert!(plain.contains("Initiative"), "the sample loads");
    assert_eq!(load(&dir, Some(&cache)), plain, "cold, writing the cache");
    let n = std::fs::read_dir(dir.join("initiatives"))
        .expect("dir")
        .count();
    assert_eq!(hits(&cache, &dir), n, "every file of the sample is kept");
    assert_eq!(load(&dir, Some(&cache)), plain, "warm, from the cache");
}

#[test]
fn flipped_bytes_and_truncations_are_ignored_and_rewritten() {
    let (_tmp, dir, cache) = setup();
    let plain = load(&dir, None);
    load(&dir, Some(&cache));
    let pack = pack_of(&cache, &dir);
    let good = std::fs::read(&pack).expect("pack");
    let n = hits(&cache, &dir);
    let step = good.len() / 61 + 1;
    for at in (0..good.len()).step_by(step) {
        let mut bad = good.clone();
        bad[at] ^= 0x41;
        std::fs::write(&pack, &bad).expect("write");
        assert_eq!(load(&dir, Some(&cache)), plain, "byte {at} flipped");
        assert_eq!(
            hits(&cache, &dir),
            n,
            "the pack is whole again after byte {at}"
        );
    }
    for cut in (0..good.len()).step_by(step) {
        std::fs::write(&pack, &good[..cut]).expect("write");
        assert_eq!(load(&dir, Some(&cache)), plain, "cut at {cut}");
    }
    std::fs::write(&pack, b"not a pack at all").expect("write");
    assert_eq!(load(&dir, Some(&cache)), plain, "garbage");
    assert_eq!(
        std::fs::read(&pack).expect("pack"),
        good,
        "rewritten as it was"
    );
}

#[test]
fn an_entry_under_another_files_name_is_refused() {
    let (_tmp, dir, cache) = setup();
    let plain = load(&dir, None);
    load(&dir, Some(&cache));
    // Re-key every entry to the next file's name, with a checksum that fits: only the digest
    // of the bytes inside the entry still tells them apart.
    let pack = open(&cache, &dir);
    let names: Vec<&[u8]> = pack
        .entries
        .iter()
        .map(|p| &pack.index[p.name.clone()])
        .collect();
    let swapped: Vec<Vec<u8>> = pack
        .entries
        .iter()
        .enumerate()
        .map(|(i, place)| {
            let raw = &pack.reread(place.old()).expect("entry");
            let other = names[(i + 1) % names.len()];
            rekey(raw, other)
        })
        .collect();
    cache.store(&dir, pack.context(), swapped.iter().map(Vec::as_slice));
    assert_eq!(hits(&cache, &dir), 0, "no swapped entry is taken");
    assert_eq!(load(&dir, Some(&cache)), plain);
}

#[test]
fn a_pack_whose_index_is_out_of_order_is_still_read_whole() {
    let (_tmp, dir, cache) = setup();
    let plain = load(&dir, None);
    load(&dir, Some(&cache));
    let pack = open(&cache, &dir);
    let count = pack.len();
    assert!(count > 10 && hits(&cache, &dir) == count);
    let reversed: Vec<Vec<u8>> = pack
        .entries
        .iter()
        .rev()
        .map(|p| pack.reread(p.old()).expect("entry"))
        .collect();
    cache.store(&dir, pack.context(), reversed.iter().map(Vec::as_slice));
    assert_eq!(hits(&cache, &dir), count, "every entry is found");
    assert_eq!(load(&dir, Some(&cache)), plain);
}

#[test]
fn a_run_of_entries_read_at_once_gives_each_entry_as_read_alone() {
    let (_tmp, dir, cache) = setup();
    load(&dir, Some(&cache));
    let pack = open(&cache, &dir);
    let olds: Vec<Old> = pack.entries.iter().map(Place::old).collect();
    let run = pack.read_run(&olds[2..9]).expect("side by side");
    for &old in &olds[2..9] {
        assert_eq!(run.of(old), pack.reread(old).as_deref());
    }
    assert_eq!(run.of(olds[0]), None, "not in the run");
    assert!(pack.read_run(&[olds[5], olds[1]]).is_none(), "out of order");
    let far = [olds[0], olds[olds.len() - 1]];
    assert!(pack.read_run(&far).is_none(), "mostly what is not wanted");
}

/// An entry with its name replaced and its checksum made to fit.
fn rekey(raw: &[u8], name: &[u8]) -> Vec<u8> {
    let body = &raw[4..raw.len() - 8];
    let old = u32::from_le_bytes(body[..4].try_into().expect("len")) as usize;
    let mut new_body = Vec::new();
    (name.len() as u32).put(&mut new_body);
    new_body.extend_from_slice(name);
    new_body.extend_from_slice(&body[4 + old..]);
    let mut out = Vec::new();
    (new_body.len() as u32).put(&mut out);
    out.extend_from_slice(&new_body);
    xxhash_rust::xxh3::xxh3_64(&new_body).put(&mut out);
    out
}

#[test]
fn another_portfolios_pack_is_refused() {
    let (_tmp, dir, cache) = setup();
    let (_tmp2, other, _) = setup();
    // The same file names with other contents.
    for entry in std::fs::read_dir(other.join("initiatives"))
        .expect("dir")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let changed = text.replacen("title: ", "title: Ändrad ", 1);
        std::fs::write(entry.path(), changed).expect("write");
    }
    load(&other, Some(&cache));
    std::fs::copy(pack_of(&cache, &other), pack_of(&cache, &dir)).expect("copy");
    assert_eq!(load(&dir, Some(&cache)), load(&dir, None));
}

#[test]
fn a_changed_model_or_file_is_parsed_again() {
    let (_tmp, dir, cache) = setup();
    load(&dir, Some(&cache));
    let settings = dir.join("portfolio.yaml");
    let text = std::fs::read_to_string(&settings).expect("settings");
    let weights = "model:\n  weights: {quality: 3, cost_savings: 0.5}\n";
    std::fs::write(&settings, text.replacen("model:\n", weights, 1)).expect("write");
    assert_eq!(load(&dir, Some(&cache)), load(&dir, None), "new weights");
    // Criteria replaced: scores of criteria no longer in the model are dropped with a warning.
    let criteria = "model:\n  criteria:\n    - {id: quality, group: benefit, name: Kvalitet}\n    - {id: compliance, group: feasibility, name: Regelefterlevnad}\n";
    std::fs::write(&settings, text.replacen("model:\n", criteria, 1)).expect("write");
    let plain = load(&dir, None);
    assert_eq!(load(&dir, Some(&cache)), plain, "new criteria");
    assert_eq!(load(&dir, Some(&cache)), plain, "new criteria, warm");
    let one = dir.join("initiatives/e-arkiv.yaml");
    let text = std::fs::read_to_string(&one).expect("read");
    std::fs::write(&one, text.replacen("title:", "owner: Ny ägare\ntitle:", 1)).expect("write");
    assert_eq!(
        load(&dir, Some(&cache)),
        load(&dir, None),
        "one file changed"
    );
}

#[test]
fn warnings_are_kept_and_errors_are_not() {
    let (_tmp, dir, cache) = setup();
    // The sample has warnings of its own (a benefit without an owner, among others).
    let broken = dir.join("initiatives/kommunapp.yaml");
    std::fs::write(&broken, "title: [unclosed\n").expect("write");
    let plain = load(&dir, None);
    assert!(plain.contains("has no owner"), "{plain}");
    assert!(plain.contains("Warning") && plain.contains("Error"));
    assert_eq!(load(&dir, Some(&cache)), plain);
    let files = std::fs::read_dir(dir.join("initiatives"))
        .expect("dir")
        .count();
    assert_eq!(hits(&cache, &dir), files - 1, "all but the broken file");
    assert_eq!(load(&dir, Some(&cache)), plain, "warm");
}

#[test]
fn two_loads_at_once_share_a_cache() {
    let (_tmp, dir, cache) = setup();
    let plain = load(&dir, None);
    std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| (0..5).map(|_| load(&dir, Some(&cache))).collect::<Vec<_>>()))
            .collect();
        for run in runs {
            for result in run.join().expect("thread") {
                assert_eq!(result, plain);
            }
        }
    });
}

#[test]
fn pruning_removes_the_least_recently_used_packs_first() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(tmp.path()).with_max_bytes(2500);
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (i, name) in ["a.pack", "b.pack", "c.pack"].iter().enumerate() {
        let path = tmp.path().join(name);
        std::fs::write(&path, vec![0u8; 1000]).expect("write");
        let when = old + std::time::Duration::from_secs(60 * i as u64);
        let file = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        file.set_modified(when).expect("mtime");
    }
    std::fs::write(tmp.path().join("other.txt"), vec![0u8; 5000]).expect("write");
    cache.prune();
    let left = |n: &str| tmp.path().join(n).exists();
    assert!(!left("a.pack") && left("b.pack") && left("c.pack"));
    assert!(left("other.txt"), "only packs are pruned");
}

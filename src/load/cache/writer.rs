//! Writing the next pack while the files are loaded: each entry goes to a temporary file in
//! the cache folder as soon as it is its turn, so that a cold load of 100,000 files never holds
//! all of their entries at once, and the pack comes out in file order whichever thread loaded
//! which file. While every entry so far is the old pack's own, nothing is written: a warm
//! start with nothing changed writes nothing.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::codec::Wire as _;
use super::{Cache, FORMAT, MAGIC};

/// The next pack of one portfolio folder, entries borrowed from the old pack (`'p`) or new.
pub struct PackWriter<'p> {
    dir: PathBuf,
    context: u128,
    temp: Option<BufWriter<NamedTempFile>>,
    failed: bool,
    /// The file whose entry comes next, and the entries that came before their turn.
    next: usize,
    early: BTreeMap<usize, Option<Cow<'p, [u8]>>>,
    /// The old pack's entries not written yet: all of them, as long as nothing new came.
    held: Vec<&'p [u8]>,
}

impl<'p> PackWriter<'p> {
    pub(super) fn new(dir: &Path, context: u128) -> PackWriter<'p> {
        PackWriter {
            dir: dir.to_path_buf(),
            context,
            temp: None,
            failed: false,
            next: 0,
            early: BTreeMap::new(),
            held: Vec::new(),
        }
    }

    /// The entry of file number `index` (each number once, in any order): borrowed from the
    /// old pack, new, or none (the file is not kept).
    pub fn put(&mut self, index: usize, entry: Option<Cow<'p, [u8]>>) {
        self.early.insert(index, entry);
        while let Some(entry) = self.early.remove(&self.next) {
            self.next += 1;
            match entry {
                None => {}
                Some(Cow::Borrowed(old)) if self.temp.is_none() => self.held.push(old),
                Some(entry) => self.write(&entry),
            }
        }
    }

    /// Ends the pack: with nothing new and `old_len` entries, as many as the old pack had, the
    /// old one stays and is only marked as used; else the new one takes its place, and the
    /// folder is pruned. Failures are silent: the cache only ever saves time.
    pub fn finish(mut self, cache: &Cache, root: &Path, old_len: Option<usize>) {
        let unchanged = self.temp.is_none() && Some(self.held.len()) == old_len;
        if unchanged && self.early.is_empty() {
            cache.touch(root);
            return;
        }
        // Entries whose turn never came (a file number skipped) go last, in order.
        for (_, entry) in std::mem::take(&mut self.early) {
            if let Some(entry) = entry {
                self.write(&entry);
            }
        }
        self.open_and_flush_held();
        let written = match (self.temp.take(), self.failed) {
            (Some(temp), false) => temp
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|t| t.persist(cache.pack_path(root)).map_err(|e| e.error))
                .is_ok(),
            _ => false,
        };
        if written {
            cache.prune();
        }
    }

    fn write(&mut self, entry: &[u8]) {
        self.open_and_flush_held();
        if let (Some(temp), false) = (self.temp.as_mut(), self.failed) {
            self.failed = temp.write_all(entry).is_err();
        }
    }

    /// Creates the temporary file with the pack's header on first use, and writes the old
    /// entries held back until then.
    fn open_and_flush_held(&mut self) {
        if self.temp.is_none() && !self.failed {
            match self.create() {
                Ok(temp) => self.temp = Some(temp),
                Err(_) => self.failed = true,
            }
        }
        let held = std::mem::take(&mut self.held);
        if let (Some(temp), false) = (self.temp.as_mut(), self.failed) {
            self.failed = held.iter().any(|old| temp.write_all(old).is_err());
        }
    }

    fn create(&self) -> std::io::Result<BufWriter<NamedTempFile>> {
        std::fs::create_dir_all(&self.dir)?;
        let temp = tempfile::Builder::new()
            .prefix(".pack-")
            .tempfile_in(&self.dir)?;
        let mut temp = BufWriter::with_capacity(1 << 16, temp);
        let mut header = Vec::with_capacity(MAGIC.len() + 4 + 16);
        header.extend_from_slice(MAGIC);
        FORMAT.put(&mut header);
        self.context.put(&mut header);
        temp.write_all(&header)?;
        Ok(temp)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::Cache;

    #[test]
    fn entries_put_in_any_order_come_out_in_file_order() {
        let tmp = tempfile::tempdir().expect("temp");
        let (cache, root) = (Cache::at(&tmp.path().join("c")), tmp.path());
        let entries: [&[u8]; 4] = [b"zero", b"one", b"two", b"three"];
        cache.store(root, 7, entries.iter().copied());
        let in_order = std::fs::read(cache.pack_path(root)).expect("pack");
        let mut writer = cache.writer(7);
        for i in [2, 0, 3, 1] {
            writer.put(i, Some(Cow::Owned(entries[i].to_vec())));
        }
        writer.finish(&cache, root, Some(4));
        assert_eq!(
            std::fs::read(cache.pack_path(root)).expect("pack"),
            in_order
        );
    }

    #[test]
    fn nothing_new_writes_nothing_and_a_file_gone_rewrites() {
        let tmp = tempfile::tempdir().expect("temp");
        let (cache, root) = (Cache::at(&tmp.path().join("c")), tmp.path());
        let old: [&[u8]; 2] = [b"a", b"b"];
        cache.store(root, 7, old.iter().copied());
        let pack = cache.pack_path(root);
        std::fs::write(&pack, b"marker").expect("write");
        let mut writer = cache.writer(7);
        writer.put(1, Some(Cow::Borrowed(old[1])));
        writer.put(0, Some(Cow::Borrowed(old[0])));
        writer.finish(&cache, root, Some(2));
        assert_eq!(std::fs::read(&pack).expect("pack"), b"marker", "left alone");
        // One of the two files is gone: the pack is written again without it.
        let mut writer = cache.writer(7);
        writer.put(0, Some(Cow::Borrowed(old[0])));
        writer.put(1, None);
        writer.finish(&cache, root, Some(2));
        let pack = std::fs::read(&pack).expect("pack");
        assert!(pack.ends_with(b"a") && !pack.ends_with(b"ba"), "{pack:?}");
    }
}

//! Writing the next pack while the files are loaded: each entry goes to a temporary file in
//! the cache folder as soon as it is its turn, so that a cold load of 100,000 files never holds
//! all of their entries at once, and the pack comes out in file order whichever thread loaded
//! which file. While every entry so far is the old pack's own, nothing is written: a warm
//! start with nothing changed writes nothing.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::codec::{Reader, Wire};
use super::{Cache, FORMAT, HEADER, MAGIC, Old, Pack};

/// The entry of one file in the next pack.
pub enum Entry {
    /// Whole and current in the pack read: copied from there if a new pack is written.
    Old(Old),
    /// Made from the file just parsed.
    New(Vec<u8>),
}

/// The next pack of one portfolio folder, its old entries read again from `old`.
pub struct PackWriter<'p> {
    dir: PathBuf,
    context: u128,
    old: Option<&'p Pack>,
    temp: Option<BufWriter<NamedTempFile>>,
    failed: bool,
    /// Where the next entry goes, and the index of those written: name, offset, length.
    at: u64,
    index: Vec<u8>,
    /// The file whose entry comes next, and the entries that came before their turn.
    next: usize,
    early: BTreeMap<usize, Option<Entry>>,
    /// The old pack's entries not written yet: all of them, as long as nothing new came.
    held: Vec<Old>,
}

impl<'p> PackWriter<'p> {
    pub(super) fn new(dir: &Path, context: u128, old: Option<&'p Pack>) -> PackWriter<'p> {
        PackWriter {
            dir: dir.to_path_buf(),
            context,
            old,
            temp: None,
            failed: false,
            at: HEADER as u64,
            index: Vec::new(),
            next: 0,
            early: BTreeMap::new(),
            held: Vec::new(),
        }
    }

    /// The entry of file number `index` (each number once, in any order), or none (the file
    /// is not kept).
    pub fn put(&mut self, index: usize, entry: Option<Entry>) {
        self.early.insert(index, entry);
        while let Some(entry) = self.early.remove(&self.next) {
            self.next += 1;
            match entry {
                None => {}
                Some(Entry::Old(old)) if self.temp.is_none() => self.held.push(old),
                Some(entry) => self.write(entry),
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
                self.write(entry);
            }
        }
        self.open_and_flush_held();
        let mut footer = Vec::with_capacity(16);
        self.at.put(&mut footer);
        xxhash_rust::xxh3::xxh3_64(&self.index).put(&mut footer);
        let written = match (self.temp.take(), self.failed) {
            (Some(mut temp), false) => temp
                .write_all(&self.index)
                .and_then(|()| temp.write_all(&footer))
                .and_then(|()| temp.into_inner().map_err(|e| e.into_error()))
                .and_then(|t| t.persist(cache.pack_path(root)).map_err(|e| e.error))
                .is_ok(),
            _ => false,
        };
        if written {
            cache.prune();
        }
    }

    fn write(&mut self, entry: Entry) {
        self.open_and_flush_held();
        let bytes = match entry {
            Entry::New(bytes) => Some(bytes),
            Entry::Old(old) => self.old.and_then(|pack| pack.reread(old)),
        };
        match bytes {
            Some(bytes) => self.append(&bytes),
            None => self.failed = true,
        }
    }

    /// Writes one entry and notes it in the index.
    fn append(&mut self, entry: &[u8]) {
        let (Some(temp), false) = (self.temp.as_mut(), self.failed) else {
            return;
        };
        let name = entry_name(entry);
        let (Some(name), Ok(len)) = (name, u32::try_from(entry.len())) else {
            self.failed = true;
            return;
        };
        (name.len() as u32).put(&mut self.index);
        self.index.extend_from_slice(name);
        self.at.put(&mut self.index);
        len.put(&mut self.index);
        self.at += u64::from(len);
        self.failed = temp.write_all(entry).is_err();
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
        for old in std::mem::take(&mut self.held) {
            self.write(Entry::Old(old));
        }
    }

    fn create(&self) -> std::io::Result<BufWriter<NamedTempFile>> {
        std::fs::create_dir_all(&self.dir)?;
        let temp = tempfile::Builder::new()
            .prefix(".pack-")
            .tempfile_in(&self.dir)?;
        let mut temp = BufWriter::with_capacity(1 << 16, temp);
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        FORMAT.put(&mut header);
        self.context.put(&mut header);
        temp.write_all(&header)?;
        Ok(temp)
    }
}

/// The file name an entry is for: an entry is its length, then its body, which begins with
/// the name (its length, then its bytes).
fn entry_name(entry: &[u8]) -> Option<&[u8]> {
    let mut r = Reader::new(entry.get(4..)?);
    let n = u32::get(&mut r)? as usize;
    entry.get(8..8usize.checked_add(n)?)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::codec::Wire as _;
    use super::super::{Cache, Entry};

    /// An entry as `encode` lays it out, for file `name` with bytes of digest 1, context 7.
    fn entry(name: &str) -> Vec<u8> {
        let mut body = Vec::new();
        (name.len() as u32).put(&mut body);
        body.extend_from_slice(name.as_bytes());
        1u64.put(&mut body);
        7u128.put(&mut body);
        let mut entry = Vec::new();
        (body.len() as u32).put(&mut entry);
        entry.extend_from_slice(&body);
        xxhash_rust::xxh3::xxh3_64(&body).put(&mut entry);
        entry
    }

    #[test]
    fn entries_put_in_any_order_come_out_in_file_order() {
        let tmp = tempfile::tempdir().expect("temp");
        let (cache, root) = (Cache::at(&tmp.path().join("c")), tmp.path());
        let entries = ["a", "b", "c", "d"].map(entry);
        cache.store(root, 7, entries.iter().map(Vec::as_slice));
        let in_order = std::fs::read(cache.pack_path(root)).expect("pack");
        let mut writer = cache.writer(7, None);
        for i in [2, 0, 3, 1] {
            writer.put(i, Some(Entry::New(entries[i].clone())));
        }
        writer.finish(&cache, root, Some(4));
        assert_eq!(
            std::fs::read(cache.pack_path(root)).expect("pack"),
            in_order
        );
        let pack = cache.open(root, 7);
        assert_eq!(pack.len(), 4);
        assert!(pack.entry(Path::new("c"), 1).is_some() && pack.entry(Path::new("c"), 2).is_none());
    }

    #[test]
    fn nothing_new_writes_nothing_and_a_file_gone_rewrites_from_the_old_pack() {
        let tmp = tempfile::tempdir().expect("temp");
        let (cache, root) = (Cache::at(&tmp.path().join("c")), tmp.path());
        let entries = ["a", "b"].map(entry);
        cache.store(root, 7, entries.iter().map(Vec::as_slice));
        let path = cache.pack_path(root);
        let before = std::fs::read(&path).expect("pack");
        let old = cache.open(root, 7);
        let found = |name: &str| old.entry(Path::new(name), 1).map(|(o, _)| Entry::Old(o));
        let mut writer = cache.writer(7, Some(&old));
        writer.put(1, found("b"));
        writer.put(0, found("a"));
        // Nothing is written: a temporary file would be left in the folder otherwise.
        writer.finish(&cache, root, Some(2));
        assert_eq!(std::fs::read(&path).expect("pack"), before, "left alone");
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
        // One of the two files is gone: the pack is written again without it.
        let mut writer = cache.writer(7, Some(&old));
        writer.put(0, found("a"));
        writer.put(1, None);
        writer.finish(&cache, root, Some(2));
        let new = cache.open(root, 7);
        assert_eq!(new.len(), 1);
        let (_, raw) = new.entry(Path::new("a"), 1).expect("kept");
        assert_eq!(raw, entries[0]);
    }
}

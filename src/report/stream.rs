//! A long JSON list written as it is made, on two cores: the items are serialised in blocks,
//! every other block on a second thread, and written in order. At most a few blocks are held
//! at a time, so a list of 100,000 is never held whole. The bytes are those of
//! `serde_json::to_writer_pretty` on the whole list, guarded as `safe::json` guards them.

use std::io::Write;
use std::sync::mpsc;

use serde::Serialize;
use serde::ser::Serializer;

use crate::i18n::safe;

/// Items to a block: large enough that a block is worth a hand-over, small enough to hold few.
const BLOCK: usize = 64;

/// `[item(keys[0]), item(keys[1]), …]` pretty-printed, then a newline.
pub fn write_pretty_list<K: Sync, T: Serialize>(
    out: &mut dyn Write,
    keys: &[K],
    item: impl Fn(&K) -> T + Sync,
) -> std::io::Result<()> {
    if keys.is_empty() {
        return out.write_all(b"[]\n");
    }
    let blocks: Vec<&[K]> = keys.chunks(BLOCK).collect();
    let render = |block: &[K]| -> std::io::Result<Vec<u8>> {
        let mut raw = Vec::with_capacity(block.len() * 768);
        serde_json::Serializer::pretty(&mut raw).collect_seq(block.iter().map(&item))?;
        // Guarded a block at a time, not a token at a time as the serialiser writes them.
        let mut bytes = Vec::with_capacity(raw.len() + 64);
        safe::JsonWriter::new(&mut bytes).write_all(&raw)?;
        Ok(bytes)
    };
    out.write_all(b"[\n")?;
    let write_block = |out: &mut dyn Write, n: usize, bytes: &[u8]| {
        if n > 0 {
            out.write_all(b",\n")?;
        }
        // `[\n` … `\n]`: the items alone, indented as they are within the whole list.
        out.write_all(&bytes[2..bytes.len() - 2])
    };
    if blocks.len() == 1 {
        write_block(out, 0, &render(blocks[0])?)?;
    } else {
        std::thread::scope(|s| -> std::io::Result<()> {
            // The odd blocks, made ahead on a second thread; it stops when nobody waits for them.
            let (give, take) = mpsc::sync_channel(2);
            let (blocks, render) = (&blocks, &render);
            s.spawn(move || {
                for block in blocks.iter().skip(1).step_by(2) {
                    if give.send(render(block)).is_err() {
                        break;
                    }
                }
            });
            for (n, block) in blocks.iter().enumerate() {
                let bytes = if n % 2 == 0 {
                    render(block)?
                } else {
                    take.recv().map_err(std::io::Error::other)??
                };
                write_block(out, n, &bytes)?;
            }
            Ok(())
        })?;
    }
    out.write_all(b"\n]\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_are_those_of_the_whole_list_pretty_printed_and_guarded() {
        for n in [0, 1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 7] {
            let keys: Vec<usize> = (0..n).collect();
            let item = |&i: &usize| serde_json::json!({"i": i, "t": format!("ö\u{1b}[31m\u{202e}{i}"), "l": [i, "x"]});
            let mut got = Vec::new();
            write_pretty_list(&mut got, &keys, item).unwrap();
            let all: Vec<_> = keys.iter().map(item).collect();
            let whole = serde_json::to_string_pretty(&all).unwrap() + "\n";
            assert_eq!(String::from_utf8(got).unwrap(), safe::json(&whole), "{n}");
        }
    }

    #[test]
    fn a_failed_write_stops_both_threads_and_is_reported() {
        struct Closed(usize);
        impl Write for Closed {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0 += buf.len();
                if self.0 > 10_000 {
                    return Err(std::io::ErrorKind::BrokenPipe.into());
                }
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let keys: Vec<usize> = (0..100 * BLOCK).collect();
        let err = write_pretty_list(&mut Closed(0), &keys, |&i| i).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
    }
}

//! A deterministic generator of realistic synthetic portfolios in the contract format, for
//! benchmarks and for anyone reproducing the performance figures:
//!
//!     cargo run --release --example generate -- --count 10000 --seed 1 /tmp/p10k
//!
//! The same count and seed always give the same bytes. Each initiative is about 45 lines, with
//! scores, motivations, a full business case and benefits with follow-ups.

use std::path::PathBuf;

#[path = "../benches/support/synth.rs"]
mod synth;

struct Args {
    count: usize,
    seed: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut count, mut seed, mut out) = (1000, 1, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--count" => {
                count = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--count needs a number")?
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--seed needs a number")?
            }
            _ if out.is_none() && !a.starts_with('-') => out = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument `{a}`")),
        }
    }
    let out = out.ok_or("usage: generate --count N --seed S OUT")?;
    Ok(Args { count, seed, out })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("generate: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = synth::write_portfolio(&args.out, args.count, args.seed) {
        eprintln!("generate: {}: {e}", args.out.display());
        std::process::exit(1);
    }
}

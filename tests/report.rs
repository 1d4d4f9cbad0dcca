//! The non-interactive reports: rank, show and summary in every format.

mod engine_support;

use bered::eval::analyse;
use bered::i18n::Lang;
use bered::report::*;
use engine_support::{date, sample};

#[test]
fn print_everything() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    for lang in [Lang::Sv, Lang::En] {
        println!("{}", rank_table(&p, &a, &a.order, lang));
        println!("{}", rank_markdown(&p, &a, &a.order, lang));
        println!("{}", show_text(&p, &a, 0, lang));
        println!("{}", summary_text(&p, &a, lang));
    }
    println!("{}", rank_csv(&p, &a, &a.order, Lang::Sv));
    println!("{}", rank_json(&p, &a, &a.order, Lang::Sv));
    println!("{}", show_json(&p, &a, 0, Lang::Sv));
    println!("{}", show_markdown(&p, &a, 0, Lang::Sv));
    println!("{}", summary_json(&p, &a, Lang::Sv));
    println!("{}", summary_markdown(&p, &a, Lang::En));
}

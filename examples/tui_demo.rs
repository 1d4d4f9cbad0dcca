// Temporary: try the TUI before main.rs wires it. Removed before the final commit.
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let lang = std::env::var("DEMO_LANG")
        .ok()
        .and_then(|l| bered::i18n::Lang::parse(&l))
        .unwrap_or_default();
    bered::tui::run(bered::tui::TuiOptions {
        portfolio: args.get(1).map(Into::into),
        lang,
        theme: std::env::var("DEMO_THEME").ok(),
        as_of: bered::model::Date::new(2026, 11, 23).unwrap(),
    })
}

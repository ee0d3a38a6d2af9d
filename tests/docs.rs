//! docs/rules.md's catalogue tables are made from the code: the committed
//! file must be what `cargo run --example rules_doc` writes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

#[test]
fn the_rule_tables_in_the_docs_are_the_catalogue() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.matches("<!-- catalogue: ").count(),
        shenhe::rules::docs::Section::ALL.len() + 1,
        "one marked table per section, and the table of what the notice asks"
    );
    let made = shenhe::rules::docs::refresh(&text).expect("markers well formed");
    if made != text {
        let differs = made
            .lines()
            .zip(text.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("\n  committed: {b}\n  from code: {a}"))
            .unwrap_or_default();
        panic!(
            "docs/rules.md differs from the catalogue; run `cargo run --example rules_doc`{differs}"
        );
    }
}

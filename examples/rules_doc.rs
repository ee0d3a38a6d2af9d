//! `cargo run --example rules_doc`: writes docs/rules.md's catalogue
//! tables anew from the code (`shenhe::rules::docs`). `tests/docs.rs`
//! fails until the committed file is what this writes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer's tool: a failure stops it with why

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let text = std::fs::read_to_string(&path).expect("docs/rules.md is readable");
    let new = shenhe::rules::docs::refresh(&text)
        .expect("every catalogue marker names a section and is closed");
    if new == text {
        println!("docs/rules.md is up to date");
    } else {
        std::fs::write(&path, new).expect("docs/rules.md is writable");
        println!("wrote {}", path.display());
    }
}

//! `cargo run --release --example generate -- N DIR`: writes N realistic
//! declarations into DIR, for benchmarks and for trying the program on a
//! big folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer's tool: a failure stops it with why

// Shared with the benches, which use parts of it this example does not.
#[allow(dead_code)]
#[path = "../benches/gen/mod.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next().and_then(|n| n.parse().ok()), args.next()) else {
        eprintln!("usage: generate N DIR");
        std::process::exit(2);
    };
    match generate::write_batch(std::path::Path::new(&dir), n) {
        Ok(bytes) => println!("wrote {n} declarations, {bytes} bytes, to {dir}"),
        Err(e) => {
            eprintln!("generate: {e}");
            std::process::exit(1);
        }
    }
}

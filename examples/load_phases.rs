//! Times each phase of loading a knowledge base, on one thread, with the memory in use after it:
//!
//! ```text
//! cargo run --release --example load_phases -- RULES_DIR [ROUNDS]
//! ```
//!
//! reading the files (with their line tables); parsing and compiling them file by file
//! (`kb::Builder`, each syntax tree dropped once read); building the extractor's gazetteer;
//! then parsing every file and compiling the trees all at once (`kb::compile`, what `load_rules`
//! does today). The peak memory printed is the process's peak so far, so the first round's
//! file-by-file line shows that way's peak. `docs/performance.md` quotes it for a knowledge
//! base of a million tenures (`examples/generate.rs --facts 1250000`).

use std::time::Instant;

/// Resident memory now and at its peak, from /proc (Linux), in MB.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<u64>().ok())
            .map_or("?".to_string(), |n| (n / 1024).to_string())
    };
    format!("rss {} MB, peak {} MB", kb("VmRSS:"), kb("VmHWM:"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: load_phases RULES_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let t = Instant::now();
    let loaded = factcheck::rules::loader::load(&[dir.into()], &Default::default());
    let bytes: usize = loaded.sources.iter().map(|(_, f)| f.text.len()).sum();
    println!(
        "read {} files, {} MB: {:.2?} ({})",
        loaded.files.len(),
        bytes / 1_000_000,
        t.elapsed(),
        memory()
    );
    for round in 1..=rounds {
        println!("round {round}");
        let t = Instant::now();
        let mut builder = factcheck::kb::Builder::new(&loaded.sources);
        for &id in &loaded.files {
            builder.add(id, factcheck::rules::parse_file(id, &loaded.sources.get(id).text).0);
        }
        let compiled = builder.finish();
        println!("  parse and compile file by file: {:.2?} ({})", t.elapsed(), memory());
        let t = Instant::now();
        let extractor = factcheck::extract::Extractor::new(&compiled.kb);
        println!("  gazetteer: {:.2?} ({})", t.elapsed(), memory());
        let t = Instant::now();
        drop(extractor);
        drop(compiled);
        println!("  free: {:.2?}", t.elapsed());
        let t = Instant::now();
        let parsed: Vec<_> = loaded
            .files
            .iter()
            .map(|&id| (id, factcheck::rules::parse_file(id, &loaded.sources.get(id).text).0))
            .collect();
        let statements: usize = parsed.iter().map(|(_, f)| f.statements.len()).sum();
        println!("  parse {statements} statements: {:.2?} ({})", t.elapsed(), memory());
        let t = Instant::now();
        let compiled = factcheck::kb::compile(&parsed, &loaded.sources);
        println!(
            "  compile all at once: {:.2?}, {} tenures ({})",
            t.elapsed(),
            compiled.kb.tenures.len(),
            memory()
        );
        let t = Instant::now();
        drop(compiled);
        drop(parsed);
        println!("  free: {:.2?}", t.elapsed());
    }
}

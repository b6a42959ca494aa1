fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let rs = factcheck::load_rules(&args, &Default::default());
    print!(
        "{}",
        factcheck::diagnostic::render_all(&rs.diagnostics, &rs.sources, false)
    );
}

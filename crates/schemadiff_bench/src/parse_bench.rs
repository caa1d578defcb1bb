//! The `parse` benchmark: times `load_sources` over a generated schema, plus the lexer
//! and splitter alone, and checks that the load really succeeded.

use crate::generate::GenerateOptions;
use crate::input::Input;
use crate::measure::{peak_rss_kib, Timings};
use schemadiff_parse::{lex, load_sources, split, Loaded};

/// How many error diagnostics a report quotes.
pub const QUOTED_ERRORS: usize = 5;

/// Everything the `parse` command prints.
#[derive(Debug, Clone)]
pub struct ParseReport {
    pub options: GenerateOptions,
    pub files: usize,
    pub bytes: usize,
    pub statements: usize,
    /// `load_sources` end to end.
    pub load: Timings,
    /// `lex::lex` over every file (a phase of `load`, timed on its own).
    pub lex: Timings,
    /// `split::split` over every file's tokens (also a phase of `load`).
    pub split: Timings,
    pub outcome: LoadOutcome,
    pub peak_rss_kib: Option<u64>,
}

/// What one load produced, and what is wrong with it.
#[derive(Debug, Clone, Default)]
pub struct LoadOutcome {
    pub tables: usize,
    pub views: usize,
    pub indexes: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The first error diagnostics and any count mismatch; empty when the load is sound.
    pub problems: Vec<String>,
}

impl LoadOutcome {
    /// Summarises `loaded`, checking it against what the generator produced.
    pub fn check(loaded: &Loaded, input: &Input) -> LoadOutcome {
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        let mut problems: Vec<String> = errors
            .iter()
            .take(QUOTED_ERRORS)
            .map(|d| d.short())
            .collect();
        let catalog = &loaded.catalog;
        for (what, got, want) in [
            ("tables", catalog.tables.len(), input.expected_tables()),
            ("views", catalog.views.len(), input.expected_views()),
        ] {
            if got != want {
                problems.push(format!("catalog holds {got} {what}, expected {want}"));
            }
        }
        LoadOutcome {
            tables: catalog.tables.len(),
            views: catalog.views.len(),
            indexes: catalog.indexes.len(),
            errors: errors.len(),
            warnings: loaded.diagnostics.len() - errors.len(),
            problems,
        }
    }

    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Generates the schema (untimed), then times `iterations` loads and phase passes.
pub fn run(options: &GenerateOptions, iterations: usize) -> ParseReport {
    let input = Input::generate(options);
    let iterations = iterations.max(1);
    let mut load = Timings::default();
    let mut outcome = LoadOutcome::default();
    for _ in 0..iterations {
        let sources = input.sources();
        let loaded = load.time(|| load_sources(sources));
        outcome = LoadOutcome::check(&loaded, &input);
    }
    let (lex_t, split_t) = phases(&input, iterations);
    ParseReport {
        options: options.clone(),
        files: input.file_count(),
        bytes: input.bytes(),
        statements: input.statement_count(),
        load,
        lex: lex_t,
        split: split_t,
        outcome,
        peak_rss_kib: peak_rss_kib(),
    }
}

/// Times the lexer and the splitter over all files, `iterations` times each.
fn phases(input: &Input, iterations: usize) -> (Timings, Timings) {
    let mut lex_t = Timings::default();
    let mut split_t = Timings::default();
    for _ in 0..iterations {
        let tokens: Vec<_> = lex_t.time(|| input.texts().map(|t| lex::lex(t).0).collect());
        let count: usize = split_t.time(|| {
            input
                .texts()
                .zip(&tokens)
                .map(|(text, toks)| split::split(text, toks).len())
                .sum()
        });
        std::hint::black_box(count);
    }
    (lex_t, split_t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The benchmark must not be able to time a broken parse: 200 tables load with no
    /// errors and every table and view reaches the catalog.
    #[test]
    fn parse_path_loads_200_tables_cleanly() {
        for hub_fanin in [false, true] {
            let options = GenerateOptions {
                tables: 200,
                schemas: 7,
                hub_fanin,
            };
            let report = run(&options, 1);
            let o = &report.outcome;
            assert_eq!(o.errors, 0, "{:#?}", o.problems);
            assert!(o.is_sound(), "{:#?}", o.problems);
            assert_eq!(o.tables, 201, "200 generated tables plus core.users");
            assert_eq!(o.views, 20);
            assert_eq!(report.load.runs(), 1);
            // 3 core + 7 schemas + 3 per table + 1 per view.
            assert_eq!(report.statements, 3 + 1 + 7 + 3 * 200 + 20);
        }
    }

    /// What `generate --out DIR` writes loads through the CLI's path
    /// (`schemadiff plan --schemas DIR` calls `load_path`) just as cleanly.
    #[test]
    fn generated_folder_loads_via_load_path() {
        let options = GenerateOptions {
            tables: 40,
            schemas: 3,
            hub_fanin: true,
        };
        let dir = std::env::temp_dir().join(format!("schemadiff_bench_gen_{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        crate::generate::write_to_dir(&crate::generate::generate(&options), &dir).unwrap();
        let loaded = schemadiff_parse::load_path(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        let outcome = LoadOutcome::check(&loaded, &Input::generate(&options));
        assert!(outcome.is_sound(), "{:#?}", outcome.problems);
        assert_eq!(outcome.tables, 41);
    }

    #[test]
    fn a_broken_input_is_reported_not_timed_silently() {
        let input = Input::generate(&GenerateOptions {
            tables: 10,
            schemas: 2,
            hub_fanin: false,
        });
        let mut sources = input.sources();
        sources.retain(|s| !s.path.ends_with("t00003.sql"));
        sources.push(schemadiff_parse::SourceFile {
            path: "d00/bad.sql".into(),
            domain: "d00".into(),
            text: "CREATE TABLE d00.bad (id int,;".into(),
        });
        let outcome = LoadOutcome::check(&load_sources(sources), &input);
        assert!(outcome.errors > 0);
        assert!(!outcome.is_sound());
        assert!(outcome.problems.iter().any(|p| p.contains("d00/bad.sql")));
        assert!(outcome.problems.iter().any(|p| p.contains("10 tables")));
    }
}

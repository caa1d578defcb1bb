//! Benchmark input: a generated schema held in memory as loader sources, with size figures.

use crate::generate::{generate, GenerateOptions, GeneratedFile};
use schemadiff_parse::{lex, split, SourceFile};
use std::sync::Arc;

/// One generated file, shared so every timed run gets fresh `SourceFile`s cheaply.
#[derive(Debug, Clone)]
struct Shared {
    path: Arc<str>,
    domain: String,
    text: Arc<str>,
}

/// A generated schema, ready to be handed to `load_sources` any number of times.
#[derive(Debug, Clone)]
pub struct Input {
    pub options: GenerateOptions,
    files: Vec<Shared>,
}

impl Input {
    /// Generates the schema in memory (the caller does not time this).
    pub fn generate(options: &GenerateOptions) -> Input {
        Input::from_files(options, generate(options))
    }

    /// An input holding `files` (e.g. a generated schema edited by `generate::mutate`).
    pub fn from_files(options: &GenerateOptions, files: Vec<GeneratedFile>) -> Input {
        let files = files
            .into_iter()
            .map(|f| Shared {
                path: f.path.into(),
                domain: f.domain,
                text: f.text.into(),
            })
            .collect();
        Input {
            options: options.clone(),
            files,
        }
    }

    /// Fresh loader sources; only `Arc`s and the short domain names are copied.
    pub fn sources(&self) -> Vec<SourceFile> {
        self.files
            .iter()
            .map(|f| SourceFile {
                path: f.path.clone(),
                domain: f.domain.clone(),
                text: f.text.clone(),
            })
            .collect()
    }

    /// The file texts, for phase timings that bypass the loader.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|f| &*f.text)
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    /// Statements as the loader's splitter sees them (approximate: counts what is
    /// separated by `;`, whatever it is).
    pub fn statement_count(&self) -> usize {
        self.texts()
            .map(|text| split::split(text, &lex::lex(text).0).len())
            .sum()
    }

    /// Tables the catalog must hold: the generated ones plus `core.users`.
    pub fn expected_tables(&self) -> usize {
        self.options.tables + 1
    }

    /// One reporting view per 10 tables.
    pub fn expected_views(&self) -> usize {
        self.options.tables / 10
    }
}

//! The layering ARCHITECTURE.md promises, checked on the source: `src/` has a folder per layer,
//! the graph of those folders (derived from every `use crate::…` and `crate::…::` path under
//! `src/`) has no cycle, each uses only the layers below it, and the model only the base.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules it names.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeSet::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        let stem = name.strip_suffix(".rs").unwrap_or(&name).to_string();
        if stem != "lib" && stem != "main" && (e.path().is_dir() || name.ends_with(".rs")) {
            modules.insert(stem);
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = e.path().strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = first.strip_suffix(".rs").unwrap_or(&first).to_string();
        if !modules.contains(&top) {
            continue; // lib.rs, main.rs
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        for used in named_modules(&text) {
            if used != top && modules.contains(&used) {
                graph.entry(top.clone()).or_default().insert(used);
            }
        }
        graph.entry(top).or_default();
    }
    graph
}

/// The first path segment after every `crate::`, including each name of a
/// `use crate::{a, b::c}` group.
fn named_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            // Only the first segment of each top-level item in the group.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        out.push(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out
}

/// A cycle in the graph, if any, as the modules along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(n.to_string(), Mark::Open);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match marks.get(m.as_str()).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == m).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(m, graph, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(n.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for n in graph.keys() {
        if marks.get(n.as_str()).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(n, graph, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_form_no_cycle() {
    let graph = module_graph();
    assert!(graph.len() > 10, "the module graph was not read: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "import cycle between top-level modules: {}\n(ARCHITECTURE.md: dependencies point one way)",
            cycle.join(" → ")
        );
    }
}

/// The layers in order: a folder may use the folders before it, never one after it
/// (ARCHITECTURE.md, "Folders and layers").
const LAYERS: &[&str] = &[
    "base", "html", "model", "address", "markdown", "site", "routes", "output", "render", "pdf",
    "check", "pipeline", "serve", "tools", "fuzzing", "cmd",
];

#[test]
fn every_folder_is_a_layer_and_uses_only_the_layers_below_it() {
    let graph = module_graph();
    for (folder, uses) in &graph {
        let Some(at) = LAYERS.iter().position(|l| l == folder) else {
            panic!("src/{folder} is in no layer: add it to LAYERS and ARCHITECTURE.md's map");
        };
        for dep in uses {
            let below = LAYERS[..at].contains(&dep.as_str());
            assert!(
                below,
                "src/{folder} uses src/{dep}, a layer above it (or beside it)"
            );
        }
    }
}

#[test]
fn the_model_knows_nothing_of_rendering_urls_or_commands() {
    let graph = module_graph();
    let model = graph.get("model").expect("src/model");
    assert_eq!(
        model.iter().collect::<Vec<_>>(),
        ["base"],
        "the model uses only the base layer"
    );
    assert!(graph.get("base").expect("src/base").is_empty());
}

#[test]
fn src_has_a_folder_per_layer_and_few_entries() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let entries = std::fs::read_dir(src).unwrap().count();
    assert!(entries <= 20, "{entries} entries directly under src/");
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&g).unwrap(), ["a", "b", "c", "a"]);
    g.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&g), None);
    assert_eq!(
        named_modules("use crate::{a::X, b, c::{d, e}};\nlet x = crate::f::g();"),
        ["a", "b", "c", "f"]
    );
}

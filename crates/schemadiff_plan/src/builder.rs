//! Builds the step graph from specs: each step says which keys it needs (new side), which
//! it used (old side), which it provides and which it retires; `link` turns those into
//! edges. Shared by the from-empty planner and the change planner.

use crate::fxhash::FxHashMap as HashMap;
use crate::graph::{Node, StepGraph};
use crate::keys::{Key, Strength, Uses};
use petgraph::graph::NodeIndex;
use schemadiff_model::QualifiedName;

/// One step before linking.
#[derive(Debug)]
pub(crate) struct Spec {
    pub node: Node,
    /// What must exist when the step runs: it follows the steps providing these.
    pub needs: Uses,
    /// What the step's old definition used: it precedes the steps retiring these
    /// (dependents are dropped before what they depend on).
    pub used: Uses,
    /// Names the step creates, alters or renames to.
    pub provides: Vec<Key>,
    /// Names the step drops, alters or renames from.
    pub retires: Vec<Key>,
    /// Alters of one table: they neither wait for each other through the table's
    /// relation key nor would the graph close a cycle between them.
    pub group: Option<QualifiedName>,
}

impl Spec {
    pub fn new(node: Node) -> Spec {
        Spec {
            node,
            needs: Vec::new(),
            used: Vec::new(),
            provides: Vec::new(),
            retires: Vec::new(),
            group: None,
        }
    }
}

struct Pending {
    node: NodeIndex,
    needs: Uses,
    used: Uses,
    group: Option<QualifiedName>,
}

#[derive(Default)]
pub(crate) struct Builder {
    pub graph: StepGraph,
    provides: HashMap<Key, Vec<NodeIndex>>,
    retires: HashMap<Key, Vec<NodeIndex>>,
    groups: Vec<Option<QualifiedName>>,
    /// Whether each step is a drop: only drops count for "drop before create" on a
    /// relation's name (alters and renames retire it only for their old-side users).
    drops: Vec<bool>,
    pending: Vec<Pending>,
}

impl Builder {
    pub fn add(&mut self, mut spec: Spec) -> NodeIndex {
        // Every object needs its schema, and is dropped before it.
        if let Some(schema) = spec.node.object.schema() {
            spec.needs
                .push((Key::Schema(schema.clone()), Strength::Hard));
            spec.used
                .push((Key::Schema(schema.clone()), Strength::Hard));
        }
        let is_drop = spec.node.phase == crate::step::Phase::Drop;
        let i = self.graph.add(spec.node);
        for k in spec.provides {
            self.provides.entry(k).or_default().push(i);
        }
        for k in spec.retires {
            self.retires.entry(k).or_default().push(i);
        }
        if self.groups.len() <= i.index() {
            self.groups.resize(i.index() + 1, None);
        }
        self.groups[i.index()] = spec.group.clone();
        if self.drops.len() <= i.index() {
            self.drops.resize(i.index() + 1, false);
        }
        self.drops[i.index()] = is_drop;
        self.pending.push(Pending {
            node: i,
            needs: spec.needs,
            used: spec.used,
            group: spec.group,
        });
        i
    }

    /// Adds specs that must run in the given order (the sub-steps of one change).
    pub fn add_chain(&mut self, specs: Vec<Spec>) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = Vec::with_capacity(specs.len());
        for s in specs {
            let i = self.add(s);
            if let Some(&prev) = out.last() {
                self.graph.before(prev, i);
            }
            out.push(i);
        }
        out
    }

    /// Whether `other` is an alter of the same table as the pending step and `key` is that
    /// table: alters of one table do not order each other through it.
    fn same_group(&self, group: &Option<QualifiedName>, other: NodeIndex, key: &Key) -> bool {
        match (group, &self.groups[other.index()], key) {
            (Some(a), Some(b), Key::Relation(t)) => a == b && a == t,
            _ => false,
        }
    }

    /// The steps registered under `key` in `map`, except `i` and its group.
    fn matches<'a>(
        &'a self,
        map: &'a HashMap<Key, Vec<NodeIndex>>,
        key: &'a Key,
        i: NodeIndex,
        group: &'a Option<QualifiedName>,
    ) -> impl Iterator<Item = NodeIndex> + 'a {
        map.get(key)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&n| n != i && !self.same_group(group, n, key))
    }

    /// Turns needs, uses and identities into edges.
    pub fn link(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let mut edges: Vec<(NodeIndex, NodeIndex, Strength)> = Vec::new();
        for p in &pending {
            let i = p.node;
            for (k, s) in &p.needs {
                edges.extend(
                    self.matches(&self.provides, k, i, &p.group)
                        .map(|n| (n, i, *s)),
                );
            }
            for (k, s) in &p.used {
                edges.extend(
                    self.matches(&self.retires, k, i, &p.group)
                        .map(|n| (i, n, *s)),
                );
            }
        }
        // A drop and a create of the same name: the drop first.
        for (k, dropped) in &self.retires {
            let Some(created) = self.provides.get(k) else {
                continue;
            };
            let relation = matches!(k, Key::Relation(_));
            for &c in created {
                let group = &self.groups[c.index()];
                for &d in dropped {
                    if d != c
                        && !self.same_group(group, d, k)
                        && (!relation || self.drops[d.index()])
                    {
                        edges.push((d, c, Strength::Hard));
                    }
                }
            }
        }
        for (a, b, s) in edges {
            self.edge(a, b, s);
        }
    }

    fn edge(&mut self, first: NodeIndex, then: NodeIndex, s: Strength) {
        match s {
            Strength::Hard => self.graph.before(first, then),
            Strength::Soft => self.graph.prefer_before(first, then),
        }
    }
}

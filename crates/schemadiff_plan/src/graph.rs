//! The dependency graph of steps and its deterministic topological order.

use crate::action::Action;
use crate::hazard::Hazard;
use crate::step::{Phase, Plan, Step};
use petgraph::algo::{has_path_connecting, tarjan_scc};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use schemadiff_model::{ObjectId, SourceSpan};
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

#[derive(Debug)]
pub struct Node {
    pub phase: Phase,
    pub object: ObjectId,
    pub domain: String,
    pub action: Action,
    pub source: Option<SourceSpan>,
    pub hazards: Vec<Hazard>,
    pub transactional: bool,
}

/// Steps as nodes; an edge `a -> b` means a must run before b.
#[derive(Debug, Default)]
pub struct StepGraph {
    graph: DiGraph<Node, ()>,
    /// Ordering wishes that are dropped when they would close a cycle (e.g. a
    /// plpgsql body naming a table: PostgreSQL does not check it at creation).
    soft: Vec<(NodeIndex, NodeIndex)>,
    /// Edges already added: `contains_edge` walks a node's edge list, and a schema
    /// node has an edge to every object in it (quadratic on big schemas).
    edges: crate::fxhash::FxHashSet<(NodeIndex, NodeIndex)>,
}

/// Steps that depend on each other in a circle; no order can satisfy them.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
#[error("these objects depend on each other in a cycle: {}", .objects.iter().map(|o| o.to_string()).collect::<Vec<_>>().join(" -> "))]
#[diagnostic(
    code(schemadiff::dependency_cycle),
    help("break the cycle: one of these objects must not reference the next")
)]
pub struct CycleError {
    pub objects: Vec<ObjectId>,
}

impl StepGraph {
    /// Room for `nodes` steps up front: growing the node vector moves every step.
    pub fn reserve(&mut self, nodes: usize) {
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(nodes * 2);
    }

    pub fn add(&mut self, node: Node) -> NodeIndex {
        self.graph.add_node(node)
    }

    pub fn before(&mut self, first: NodeIndex, then: NodeIndex) {
        if first != then && self.edges.insert((first, then)) {
            self.graph.add_edge(first, then, ());
        }
    }

    pub fn prefer_before(&mut self, first: NodeIndex, then: NodeIndex) {
        if first != then {
            self.soft.push((first, then));
        }
    }

    /// Kahn's algorithm, always taking the smallest ready (phase, object):
    /// the same graph gives the same order whatever order it was built in.
    pub fn into_plan(mut self) -> Result<Plan, CycleError> {
        for (a, b) in std::mem::take(&mut self.soft) {
            if !self.edges.contains(&(a, b)) && !has_path_connecting(&self.graph, b, a, None) {
                self.edges.insert((a, b));
                self.graph.add_edge(a, b, ());
            }
        }
        let n = self.graph.node_count();
        let mut indegree: Vec<usize> = self
            .graph
            .node_indices()
            .map(|i| self.graph.edges_directed(i, Direction::Incoming).count())
            .collect();
        let mut ready = BinaryHeap::new();
        for i in self.graph.node_indices() {
            if indegree[i.index()] == 0 {
                let node = &self.graph[i];
                ready.push(Reverse((node.phase, node.object.clone(), i)));
            }
        }
        let mut order = Vec::with_capacity(n);
        let mut position = vec![0usize; n];
        while let Some(Reverse((_, _, i))) = ready.pop() {
            position[i.index()] = order.len() + 1;
            order.push(i);
            for e in self.graph.edges_directed(i, Direction::Outgoing) {
                let t = e.target();
                indegree[t.index()] -= 1;
                if indegree[t.index()] == 0 {
                    let node = &self.graph[t];
                    ready.push(Reverse((node.phase, node.object.clone(), t)));
                }
            }
        }
        if order.len() < n {
            return Err(self.cycle(&position));
        }
        let deps: Vec<Vec<usize>> = order
            .iter()
            .map(|&i| {
                let set: BTreeSet<usize> = self
                    .graph
                    .edges_directed(i, Direction::Incoming)
                    .map(|e| position[e.source().index()])
                    .collect();
                set.into_iter().collect()
            })
            .collect();
        let mut nodes: Vec<Option<Node>> = Vec::with_capacity(n);
        let (raw_nodes, _) = self.graph.into_nodes_edges();
        nodes.extend(raw_nodes.into_iter().map(|n| Some(n.weight)));
        let steps = order
            .iter()
            .zip(deps)
            .enumerate()
            .filter_map(|(k, (&i, depends_on))| {
                let node = nodes[i.index()].take()?;
                Some(Step {
                    id: k + 1,
                    phase: node.phase,
                    object: node.object,
                    domain: node.domain,
                    action: node.action,
                    depends_on,
                    source: node.source,
                    hazards: node.hazards,
                    transactional: node.transactional,
                })
            })
            .collect();
        Ok(Plan { steps })
    }

    fn cycle(&self, position: &[usize]) -> CycleError {
        let stuck: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|i| position[i.index()] == 0)
            .collect();
        let sccs = tarjan_scc(&self.graph);
        let scc = sccs
            .into_iter()
            .find(|c| c.len() > 1 && stuck.contains(&c[0]))
            .unwrap_or(stuck);
        let mut objects: Vec<ObjectId> =
            scc.iter().map(|&i| self.graph[i].object.clone()).collect();
        objects.sort();
        CycleError { objects }
    }
}

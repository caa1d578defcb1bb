//! Walks two ordered maps side by side (a merge join): every key once, with the
//! value on each side that has it. Linear, no lookups, in key order.

use std::collections::btree_map;
use std::collections::BTreeMap;
use std::iter::Peekable;

#[derive(Debug)]
pub(crate) struct Join<'a, K, A, B> {
    a: Peekable<btree_map::Iter<'a, K, A>>,
    b: Peekable<btree_map::Iter<'a, K, B>>,
}

pub(crate) fn join<'a, K: Ord, A, B>(
    a: &'a BTreeMap<K, A>,
    b: &'a BTreeMap<K, B>,
) -> Join<'a, K, A, B> {
    Join {
        a: a.iter().peekable(),
        b: b.iter().peekable(),
    }
}

impl<'a, K: Ord, A, B> Iterator for Join<'a, K, A, B> {
    type Item = (&'a K, Option<&'a A>, Option<&'a B>);

    fn next(&mut self) -> Option<Self::Item> {
        let order = match (self.a.peek(), self.b.peek()) {
            (None, None) => return None,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((ka, _)), Some((kb, _))) => ka.cmp(kb),
        };
        match order {
            std::cmp::Ordering::Less => self.a.next().map(|(k, a)| (k, Some(a), None)),
            std::cmp::Ordering::Greater => self.b.next().map(|(k, b)| (k, None, Some(b))),
            std::cmp::Ordering::Equal => {
                let (k, a) = self.a.next()?;
                let b = self.b.next().map(|(_, b)| b);
                Some((k, Some(a), b))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_once_in_order() {
        let a: BTreeMap<i32, &str> = [(1, "a1"), (3, "a3")].into();
        let b: BTreeMap<i32, &str> = [(2, "b2"), (3, "b3"), (4, "b4")].into();
        let got: Vec<_> = join(&a, &b).collect();
        assert_eq!(
            got,
            [
                (&1, Some(&"a1"), None),
                (&2, None, Some(&"b2")),
                (&3, Some(&"a3"), Some(&"b3")),
                (&4, None, Some(&"b4")),
            ]
        );
    }
}

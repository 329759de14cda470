//! Sorting with one copy of the sorting code for the whole app.
//!
//! The standard library's sort is generic over both the item and the comparison, so each
//! `sort_by_key` with its own closure puts another 3–8 KB of sorting code in the wasm (about 70 KB
//! for Redress's twenty sorts). Here the sort itself runs once, over positions, with the
//! comparison behind a reference; only moving the items into their new order is generic, and
//! that is a few lines. Sorts are stable: equal items keep their order.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives them (stable). The one place that sorts.
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` by `cmp`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    arrange(items, order);
}

/// Puts `items` in `order` (`order[j]` is where the item that goes at `j` is now), following
/// each cycle of the permutation with swaps.
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut j = start;
        while order[j] != start {
            let next = order[j];
            items.swap(j, next);
            order[j] = j;
            j = next;
        }
        order[j] = j;
    }
}

/// Sorts `items` by the key `key` gives each, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

/// Sorts `items` and leaves one of each.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_equal_items_in_order() {
        let mut items: Vec<(u8, usize)> = [5u8, 3, 5, 1, 3, 9, 0, 5].iter().copied().zip(0..).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, expected);
        let mut words = vec!["b", "a", "c", "a"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        let mut letters = vec!['d', 'a', 'e', 'c', 'b', 'f'];
        sort(&mut letters);
        assert_eq!(letters, ['a', 'b', 'c', 'd', 'e', 'f']);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_list_comes_out_as_the_standard_stable_sort_leaves_it(keys in proptest::collection::vec(0u8..6, 0..60)) {
            let mut items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_by_key(&mut items, |&(k, _)| k);
            proptest::prop_assert_eq!(items, expected);
        }
    }
}

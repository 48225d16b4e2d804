//! [`Nth`]: the place of a thing in the list the model keeps it in, typed by what the list
//! holds, so that the route table names a goal as the `Nth<Goal>` of its focus area's
//! `Nth<FocusArea>` and a card as an `Nth<Region>`, and one is never read as the other.
//! Written by hand: the crates for typed indices (`typed-index-collections`, `index_vec`) type
//! the collection as well, and the model's lists are plain `Vec`s that other code slices.

use std::marker::PhantomData;

/// The `n`-th `T` of a list (from 0).
pub(crate) struct Nth<T> {
    n: usize,
    // `fn() -> T`: an `Nth` holds no `T`, so it is `Send`, `Sync` and `Copy` whatever `T` is.
    of: PhantomData<fn() -> T>,
}

impl<T> Nth<T> {
    /// The `n`-th.
    pub(crate) fn new(n: usize) -> Nth<T> {
        Nth { n, of: PhantomData }
    }

    /// Its place in the list.
    pub(crate) fn index(self) -> usize {
        self.n
    }

    /// The thing in `list` (a list of `T`s or of references to them), if the list is as long.
    pub(crate) fn of<R: std::borrow::Borrow<T>>(self, list: &[R]) -> Option<&T> {
        list.get(self.n).map(R::borrow)
    }
}

/// Every item of `list` with its place.
pub(crate) fn enumerate<'a, T: 'a, R: std::borrow::Borrow<T>>(
    list: &'a [R],
) -> impl Iterator<Item = (Nth<T>, &'a T)> + 'a {
    list.iter()
        .enumerate()
        .map(|(n, item)| (Nth::new(n), item.borrow()))
}

// By hand, not derived: a derive would ask the same of `T`, which an index does not need.
impl<T> Clone for Nth<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Nth<T> {}

impl<T> PartialEq for Nth<T> {
    fn eq(&self, other: &Self) -> bool {
        self.n == other.n
    }
}

impl<T> Eq for Nth<T> {}

impl<T> std::hash::Hash for Nth<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.n.hash(state);
    }
}

impl<T> PartialOrd for Nth<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Nth<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.n.cmp(&other.n)
    }
}

impl<T> std::fmt::Debug for Nth<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = std::any::type_name::<T>().rsplit("::").next().unwrap_or("");
        write!(f, "{kind}#{}", self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_nth_finds_its_item_in_a_list_of_items_or_of_references() {
        let words = vec!["a".to_string(), "b".to_string()];
        let refs: Vec<&String> = words.iter().collect();
        let second: Nth<String> = Nth::new(1);
        assert_eq!(second.of(&words).map(String::as_str), Some("b"));
        assert_eq!(second.of(&refs).map(String::as_str), Some("b"));
        assert_eq!(Nth::<String>::new(2).of(&words), None);
        assert_eq!(format!("{second:?}"), "String#1");
        let all: Vec<usize> = enumerate::<String, _>(&refs)
            .map(|(n, _)| n.index())
            .collect();
        assert_eq!(all, [0, 1]);
    }
}

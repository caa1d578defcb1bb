//! Work split over the machine's cores: contiguous chunks, results in input order, so
//! the outcome never depends on the number of threads.

/// Threads worth starting: the available parallelism, at most eight.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// `f` over contiguous chunks of `items` on up to [`threads`] threads, results in order.
/// Fewer than `min_per_thread` items per thread are not worth a thread.
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    f: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let parts = threads().min(items.len() / min_per_thread.max(1)).max(1);
    if parts == 1 {
        return vec![f(items)];
    }
    let size = items.len().div_ceil(parts);
    let chunks: Vec<&[T]> = items.chunks(size).collect();
    one_thread_each(&chunks, |chunk| f(chunk))
}

/// `f` over each item, one thread per item, results in order (a panic is passed on).
pub fn one_thread_each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if let [only] = items {
        return vec![f(only)];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.iter().map(|item| scope.spawn(|| f(item))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `f` over each item on up to [`threads`] threads, pushing findings into one vector;
/// the findings come out in item order.
pub fn collect_each<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    f: impl Fn(&T, &mut Vec<R>) + Sync,
) -> Vec<R> {
    let parts = map_chunks(items, min_per_thread, |chunk| {
        let mut found = Vec::new();
        for item in chunk {
            f(item, &mut found);
        }
        found
    });
    parts.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_input_in_order() {
        let items: Vec<usize> = (0..10_007).collect();
        let sums = map_chunks(&items, 100, |c| c.to_vec());
        assert_eq!(sums.concat(), items);
        assert_eq!(map_chunks(&items[..5], 100, |c| c.len()), vec![5]);
        assert_eq!(map_chunks::<usize, usize>(&[], 100, |c| c.len()), vec![0]);
        let odd = collect_each(&items, 100, |&i, out| {
            if i % 2 == 1 {
                out.push(i)
            }
        });
        assert_eq!(
            odd,
            items
                .iter()
                .copied()
                .filter(|i| i % 2 == 1)
                .collect::<Vec<_>>()
        );
    }
}

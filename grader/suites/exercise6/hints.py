"""Hints for exercise 6's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

_PER_SAMPLE = ("WeightedRandomSampler takes one weight per sample: sample i weighs 1 / (the number of samples whose label "
               "is labels[i]), so that every class gets the same total weight.",
               "WeightedRandomSampler는 샘플마다 가중치 하나를 받습니다: 샘플 i의 가중치는 1 / (labels[i]와 레이블이 같은 "
               "샘플 수)이고, 그래서 모든 클래스의 가중치 합이 같아집니다.")
_OWN_GENERATOR = ("Draw from a torch.Generator of your own, seeded with seed: the global random state (torch.manual_seed, "
                  "random, NumPy) must neither be used nor changed.",
                  "seed로 시드를 정한 자신만의 torch.Generator에서 뽑으세요: 전역 난수 상태(torch.manual_seed, random, "
                  "NumPy)는 쓰지도 바꾸지도 말아야 합니다.")
_SORTED_BUCKETS = ("Sort the indices by their length, shortest first, with a stable sort (equal lengths keep their index "
                   "order), then cut that order into consecutive batches of batch_size.",
                   "인덱스를 길이순으로, 짧은 것부터 안정 정렬하고 (같은 길이는 인덱스 순서 유지), 그 순서를 batch_size개씩 "
                   "연속된 배치로 자르세요.")
_SHARDS = ("Like DistributedSampler(drop_last=False): take range(n), shuffled or not, repeat it from its start until its "
           "length is a multiple of num_replicas, then give rank r every num_replicas-th index starting at position r.",
           "DistributedSampler(drop_last=False)처럼: range(n)을 (섞거나 그대로) 가져와, 길이가 num_replicas의 배수가 될 "
           "때까지 처음부터 반복해 붙인 다음, rank r에게 r번째 위치부터 num_replicas개 간격으로 인덱스를 주세요.")
_WORKER_SEED = ("Inside a worker, torch.initial_seed() is that worker's own seed; random and NumPy are not seeded from it "
                "unless you do it, with the seed reduced modulo 2**32 (NumPy's limit).",
                "워커 안에서 torch.initial_seed()는 그 워커 자신의 시드입니다. random과 NumPy는 직접 시드를 정하지 않으면 "
                "이것을 따르지 않으니, 2**32로 나눈 나머지(NumPy의 한계)로 시드를 정하세요.")
_LOADER_GENERATOR = ("Give the DataLoader a torch.Generator seeded with seed: it decides the shuffling order and the seeds "
                     "torch hands to the workers.",
                     "DataLoader에 seed로 시드를 정한 torch.Generator를 주세요: 그것이 섞는 순서와 torch가 워커에 주는 시드를 "
                     "정합니다.")

HINTS: dict[str, H] = {
    "test_balanced_sampler_type": H("class_balanced_sampler는 복원 추출하는 WeightedRandomSampler를 반환합니다",
                                    ("class_balanced_sampler",), (
        ("Return a torch.utils.data.WeightedRandomSampler.", "torch.utils.data.WeightedRandomSampler를 반환하세요."),
        ("Without replacement a rare sample can be drawn only once, so the classes cannot be balanced: ask for "
         "replacement.",
         "비복원 추출이면 드문 샘플은 한 번만 뽑혀서 클래스 균형을 맞출 수 없습니다: 복원 추출로 하세요."),
    )),
    "test_balanced_sampler_weights": H("모든 샘플의 가중치는 1 / count(자신의 레이블)입니다: 클래스마다가 아니라 샘플마다 하나",
                                       ("class_balanced_sampler",), (
        _PER_SAMPLE,
        ("Count the labels first (collections.Counter helps), then give each sample the inverse of its label's count, "
         "without normalising.",
         "먼저 레이블을 세고 (collections.Counter가 도움이 됩니다), 각 샘플에 그 레이블 개수의 역수를 정규화 없이 주세요."),
    )),
    "test_balanced_sampler_num_samples": H("num_samples의 기본값은 len(labels)이고, 주어지면 그 값을 따릅니다",
                                           ("class_balanced_sampler",), (
        ("When num_samples is None use len(labels); otherwise pass it on to the sampler.",
         "num_samples가 None이면 len(labels)를 쓰고, 아니면 샘플러에 넘기세요."),
        ("Drawing more indices than there are samples needs replacement.", "샘플 수보다 많이 뽑으려면 복원 추출이어야 합니다."),
    )),
    "test_balanced_sampler_balances_classes": H("샘플러는 모든 클래스를 거의 같은 빈도로 뽑습니다", ("class_balanced_sampler",), (
        _PER_SAMPLE,
        ("Draw with replacement, and never give per-class weights: the sampler would then draw class ids, not sample "
         "indices.",
         "복원 추출로 뽑고, 클래스별 가중치를 주지 마세요: 그러면 샘플러가 샘플 인덱스가 아니라 클래스 번호를 뽑습니다."),
    )),
    "test_balanced_sampler_uses_generator": H("뽑기는 전역 난수 상태가 아니라 주어진 generator에서 나옵니다",
                                              ("class_balanced_sampler",), (
        ("Pass the generator argument on to WeightedRandomSampler.", "generator 인자를 WeightedRandomSampler에 넘기세요."),
    )),
    "test_split_partitions_range": H("train_val_split은 range(n)을 int(n * val_fraction)개의 검증 인덱스와 나머지 학습 인덱스로 나눕니다",
                                     ("train_val_split",), (
        ("Shuffle range(n) once and cut that one permutation in two: no index is lost or repeated.",
         "range(n)을 한 번 섞고 그 순열 하나를 둘로 자르세요: 그러면 빠지거나 겹치는 인덱스가 없습니다."),
        ("The validation part has int(n * val_fraction) indices (rounded down); return (train_indices, val_indices), "
         "training first.",
         "검증 부분은 int(n * val_fraction)개(내림)입니다. (train_indices, val_indices) 순서로, 학습 인덱스를 먼저 반환하세요."),
    )),
    "test_split_returns_int_lists": H("train_val_split은 Python int 리스트 두 개를 반환합니다", ("train_val_split",), (
        ("A tensor's .tolist() gives a list of Python ints; a tensor or NumPy array is not a list.",
         "텐서의 .tolist()는 Python int 리스트를 줍니다. 텐서나 NumPy 배열은 리스트가 아닙니다."),
    )),
    "test_split_is_seeded": H("같은 시드는 같은 분할을, 다른 시드는 다른 무작위 분할을 줍니다", ("train_val_split",), (
        _OWN_GENERATOR,
        ("The split must be random: permute range(n) before cutting it, instead of taking a block at either end.",
         "분할은 무작위여야 합니다: 양 끝의 연속 구간을 가져가지 말고, 자르기 전에 range(n)을 섞으세요."),
    )),
    "test_split_leaves_global_state_alone": H("train_val_split은 전역 난수 상태를 쓰지도 바꾸지도 않습니다", ("train_val_split",), (
        _OWN_GENERATOR,
        ("torch.manual_seed, random.seed and np.random.seed all change global state; a generator object of your own "
         "does not.",
         "torch.manual_seed, random.seed, np.random.seed는 모두 전역 상태를 바꿉니다. 자신만의 generator 객체는 그렇지 않습니다."),
    )),
    "test_split_rejects_bad_fraction": H("[0, 1) 밖의 val_fraction은 ValueError를 일으킵니다", ("train_val_split",), (
        ("Check the fraction before anything else: 0 is allowed, 1.0 is not (nothing would be left to train on).",
         "무엇보다 먼저 비율을 확인하세요: 0은 되지만 1.0은 안 됩니다 (학습할 데이터가 남지 않습니다)."),
    )),
    "test_split_loaders_train": H("학습 로더는 seed로 시드를 정한 SubsetRandomSampler로 학습 인덱스를 뽑습니다",
                                  ("make_split_loaders", "train_val_split"), (
        ("Split range(len(dataset)) with your train_val_split, and give the training DataLoader a SubsetRandomSampler "
         "over the training indices.",
         "train_val_split으로 range(len(dataset))를 나누고, 학습 DataLoader에 학습 인덱스에 대한 SubsetRandomSampler를 주세요."),
        ("SubsetRandomSampler accepts a generator: seed one with seed so that the order does not depend on the global "
         "random state.",
         "SubsetRandomSampler는 generator를 받습니다: seed로 시드를 정한 generator를 주면 순서가 전역 난수 상태에 좌우되지 "
         "않습니다."),
    )),
    "test_split_loaders_validation": H("검증 로더는 검증 인덱스를 오름차순으로 방문합니다", ("make_split_loaders",), (
        ("The validation loader must not shuffle: any iterable of indices in ascending order can serve as its sampler.",
         "검증 로더는 섞으면 안 됩니다: 오름차순으로 된 인덱스의 이터러블이면 무엇이든 sampler로 쓸 수 있습니다."),
    )),
    "test_bucket_batches": H("섞지 않으면: 인덱스를 길이순(안정 정렬, 짧은 것부터)으로 정렬해 연속된 배치로 자릅니다",
                             ("BucketBatchSampler",), (
        _SORTED_BUCKETS,
        ("With shuffle=False, yield the batches in that order; only the last batch may be shorter.",
         "shuffle=False이면 배치를 그 순서대로 내놓으세요. 마지막 배치만 짧을 수 있습니다."),
    )),
    "test_bucket_len": H("len()은 drop_last가 있든 없든 배치의 개수입니다", ("BucketBatchSampler",), (
        ("__len__ returns the number of batches __iter__ yields.", "__len__은 __iter__가 내놓는 배치의 개수를 반환합니다."),
        ("Without drop_last a short last batch counts; with drop_last it is dropped and not counted.",
         "drop_last가 아니면 짧은 마지막 배치도 세고, drop_last이면 버리므로 세지 않습니다."),
    )),
    "test_bucket_every_index_once": H("섞을 때도 버린 짧은 배치를 빼면 모든 인덱스가 에포크마다 한 번씩 나옵니다",
                                      ("BucketBatchSampler",), (
        ("Build the batches once from the sorted order, dropping the short last one if asked; shuffling then only "
         "reorders those batches.",
         "정렬된 순서에서 배치를 한 번 만들고, 요청이 있으면 짧은 마지막 배치를 버리세요. 섞기는 그 배치들의 순서만 바꿉니다."),
    )),
    "test_bucket_shuffle": H("섞으면 같은 배치들이 generator에서 뽑은 무작위 순서로 나옵니다", ("BucketBatchSampler",), (
        ("Shuffle the list of batches, not the indices inside or across them.",
         "인덱스가 아니라 배치 리스트를 섞으세요."),
        ("Draw the order of the batches from the generator you were given, in __iter__, so that each epoch gets a new "
         "order and equally seeded generators give the same one.",
         "배치 순서는 __iter__에서 주어진 generator로 뽑으세요. 그러면 에포크마다 순서가 새로 정해지고, 같은 시드의 "
         "generator는 같은 순서를 줍니다."),
    )),
    "test_bucket_is_a_batch_sampler": H("BucketBatchSampler는 DataLoader가 batch_sampler로 받는 Sampler입니다",
                                        ("BucketBatchSampler",), (
        ("Subclass torch.utils.data.Sampler; __iter__ yields one list of indices per batch and __len__ counts the "
         "batches.",
         "torch.utils.data.Sampler를 상속하세요. __iter__는 배치마다 인덱스 리스트 하나를 내놓고, __len__은 배치 수를 셉니다."),
    )),
    "test_shard_without_shuffle": H("shuffle이 없으면 shard_indices는 n이 num_replicas로 나누어떨어지든 말든 DistributedSampler와 같습니다",
                                    ("shard_indices",), (
        _SHARDS,
        ("Every rank gets ceil(n / num_replicas) indices, so a few indices from the start appear twice across ranks.",
         "모든 rank는 ceil(n / num_replicas)개의 인덱스를 받으므로, 앞쪽 인덱스 몇 개는 여러 rank에 두 번 나옵니다."),
    )),
    "test_shard_with_shuffle": H("shuffle이 있으면 shard_indices는 여러 seed와 epoch에서 DistributedSampler와 같습니다",
                                 ("shard_indices",), (
        ("With shuffle, start from a random permutation of range(n) drawn from a torch.Generator seeded with "
         "seed + epoch, as DistributedSampler does.",
         "shuffle이면, DistributedSampler처럼 seed + epoch로 시드를 정한 torch.Generator에서 뽑은 range(n)의 무작위 "
         "순열에서 시작하세요."),
        _SHARDS,
    )),
    "test_shard_more_replicas_than_samples": H("n < num_replicas일 때도 shard_indices는 DistributedSampler처럼 패딩합니다",
                                               ("shard_indices",), (
        ("When n < num_replicas, the list must be repeated more than once to reach a multiple of num_replicas.",
         "n < num_replicas이면 num_replicas의 배수에 이르기까지 리스트를 여러 번 반복해야 합니다."),
    )),
    "test_shard_returns_int_list": H("shard_indices는 Python int 리스트를 반환합니다", ("shard_indices",), (
        ("A tensor's .tolist() gives a list of Python ints.", "텐서의 .tolist()는 Python int 리스트를 줍니다."),
    )),
    "test_shard_rejects_bad_rank": H("[0, num_replicas) 밖의 rank는 ValueError를 일으킵니다", ("shard_indices",), (
        ("Check the rank first, negative ranks included, and raise ValueError yourself.",
         "음수 rank를 포함해 rank를 먼저 확인하고, ValueError를 직접 일으키세요."),
    )),
    "test_seed_worker_seeds_random_and_numpy": H("seed_worker는 torch.initial_seed() % 2**32로 random과 NumPy의 시드를 정합니다",
                                                 ("seed_worker",), (
        _WORKER_SEED,
        ("Use the same value for both, without adding worker_id (torch already gives each worker its own seed), and "
         "return nothing.",
         "두 곳에 같은 값을 쓰고, worker_id는 더하지 마세요 (torch가 이미 워커마다 다른 시드를 줍니다). 아무것도 "
         "반환하지 않습니다."),
    )),
    "test_seed_worker_in_real_workers": H("worker_init_fn인 seed_worker는 워커의 뽑기를 재현 가능하게, 워커마다 다르게 만듭니다",
                                          ("seed_worker",), (
        _WORKER_SEED,
    )),
    "test_build_loader_same_batches": H("같은 seed로 만든 두 로더는 전역 난수 상태와 상관없이 같은 섞인 배치를 줍니다",
                                        ("build_loader",), (
        _LOADER_GENERATOR,
        ("shuffle defaults to True: pass it on to the DataLoader.", "shuffle의 기본값은 True입니다: DataLoader에 넘기세요."),
    )),
    "test_build_loader_same_batches_with_workers": H("num_workers=2에서 데이터셋이 난수를 뽑아도 같은 seed는 같은 배치를 줍니다",
                                                     ("build_loader", "seed_worker"), (
        ("Pass num_workers on, give the DataLoader its own seeded generator, and seed random and NumPy in every worker.",
         "num_workers를 넘기고, DataLoader에 시드를 정한 자신만의 generator를 주고, 워커마다 random과 NumPy의 시드를 정하세요."),
        ("worker_init_fn runs once in each worker: seed_worker is made for it. Do not reseed torch there.",
         "worker_init_fn은 워커마다 한 번 실행됩니다: seed_worker가 바로 그 용도입니다. 거기서 torch의 시드를 다시 정하지 마세요."),
    )),
    "test_build_loader_seeds_workers_with_seed_worker": H("build_loader는 seed_worker로 워커의 random과 NumPy 시드를 정합니다",
                                                          ("build_loader", "seed_worker"), (
        ("Pass seed_worker as the DataLoader's worker_init_fn.", "seed_worker를 DataLoader의 worker_init_fn으로 넘기세요."),
    )),
    "test_build_loader_seed_and_shuffle": H("순서는 seed에 따라 달라지고, shuffle=False이면 데이터셋 순서를 유지합니다",
                                            ("build_loader",), (
        ("Seed the loader's generator with the seed argument, not with a constant.",
         "로더의 generator 시드는 상수가 아니라 seed 인자로 정하세요."),
        ("Pass shuffle on to the DataLoader.", "shuffle을 DataLoader에 넘기세요."),
    )),
    "test_build_loader_options": H("batch_size, drop_last, collate_fn을 따릅니다", ("build_loader",), (
        ("Pass batch_size, drop_last and collate_fn on to the DataLoader; collate_fn=None means the default one.",
         "batch_size, drop_last, collate_fn을 DataLoader에 넘기세요. collate_fn=None이면 기본 함수를 씁니다."),
    )),
}

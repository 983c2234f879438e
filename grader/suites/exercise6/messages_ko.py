"""Korean for exercise 6's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

# A BucketBatchSampler as the suite names it, written out after every phrase that ends with one, so
# that no placeholder at the end of a pattern can take in the rest of a message.
_SAMPLERS = {
    f"BucketBatchSampler({{n:n}} lengths, batch_size={{size:n}}{options}": f"BucketBatchSampler(길이 {{n}}개, batch_size={{size}}{options_ko}"
    for options, options_ko in ((")", ")"), (", shuffle={shuffle:w})", ", shuffle={shuffle})"),
                                (", drop_last={drop:w}, shuffle={shuffle:w})", ", drop_last={drop}, shuffle={shuffle})"))
}
_SAMPLER_PHRASES = {
    "{sampler}": "{sampler}",
    "{sampler} without a generator": "generator 없이 만든 {sampler}",
    "len({sampler})": "len({sampler})",
    "the number of batches {sampler} yielded": "{sampler}가 내놓은 배치 수",
}

CATALOG: dict[str, str] = {
    # what was run or compared
    "class_balanced_sampler({n:n} labels, num_samples={count:w})": "class_balanced_sampler(레이블 {n}개, num_samples={count})",
    "drawing from class_balanced_sampler({n:n} labels, num_samples={count:w})":
        "class_balanced_sampler(레이블 {n}개, num_samples={count})에서 뽑기",
    "drawing {draws:n} indices from class_balanced_sampler({n:n} labels, num_samples={count:w})":
        "class_balanced_sampler(레이블 {n}개, num_samples={count})에서 인덱스 {draws}개 뽑기",
    "without num_samples, sampler.num_samples": "num_samples가 없을 때 sampler.num_samples",
    "with num_samples={count:n}, sampler.num_samples": "num_samples={count}일 때 sampler.num_samples",
    "without num_samples, the number of indices the sampler yields": "num_samples가 없을 때 샘플러가 내놓는 인덱스 수",
    "with num_samples={count:n}, the number of indices the sampler yields": "num_samples={count}일 때 샘플러가 내놓는 인덱스 수",
    "the number of indices drawn with num_samples={count:n}": "num_samples={count}일 때 뽑은 인덱스 수",
    "sampler.weights for labels {labels}": "레이블이 {labels}일 때 sampler.weights",
    "train_val_split({n:n}, {fraction:n}, seed={seed:n})": "train_val_split({n}, {fraction}, seed={seed})",
    "what train_val_split(10, {fraction:n}, 0) raised": "train_val_split(10, {fraction}, 0)에서 난 예외",
    "the size of the training loader's first batch": "학습 로더의 첫 배치 크기",
    "the size of the validation loader's first batch": "검증 로더의 첫 배치 크기",
    "the order in which the validation loader visits its indices": "검증 로더가 인덱스를 방문하는 순서",
    **{english.replace("{sampler}", sampler): korean.replace("{sampler}", sampler_ko)
       for english, korean in _SAMPLER_PHRASES.items() for sampler, sampler_ko in _SAMPLERS.items()},
    "the batches of DataLoader(dataset, batch_sampler=BucketBatchSampler(lengths, 4, shuffle=False))":
        "DataLoader(dataset, batch_sampler=BucketBatchSampler(lengths, 4, shuffle=False))의 배치",
    "len(DataLoader(dataset, batch_sampler=...))": "len(DataLoader(dataset, batch_sampler=...))",
    "shard_indices(n={n:n}, num_replicas={replicas:n}, rank={rank:n})": "shard_indices(n={n}, num_replicas={replicas}, rank={rank})",
    "shard_indices(n={n:n}, num_replicas={replicas:n}, rank={rank:n}, shuffle=True, seed={seed:n}, epoch={epoch:n})":
        "shard_indices(n={n}, num_replicas={replicas}, rank={rank}, shuffle=True, seed={seed}, epoch={epoch})",
    "what shard_indices(n={n:n}, num_replicas={replicas:n}, rank={rank:n}) raised":
        "shard_indices(n={n}, num_replicas={replicas}, rank={rank})에서 난 예외",
    "seed_worker(3), called after torch.manual_seed(2**40 + 12345),":
        "torch.manual_seed(2**40 + 12345) 다음에 호출한 seed_worker(3)",
    "the first 3 draws from {module:w} after seed_worker(3)": "seed_worker(3) 다음에 {module}에서 처음 뽑은 3개",
    "the type of what seed_worker returns": "seed_worker가 반환한 값의 타입",
    "a DataLoader with num_workers=2 and worker_init_fn=seed_worker": "num_workers=2, worker_init_fn=seed_worker인 DataLoader",
    "the indices one epoch visits, sorted": "한 에포크에 방문한 인덱스 (정렬)",
    "build_loader(dataset, 3, seed=7, num_workers=2)": "build_loader(dataset, 3, seed=7, num_workers=2)",
    "the indices visited by build_loader(dataset, 4, seed=7, shuffle=False)":
        "build_loader(dataset, 4, seed=7, shuffle=False)가 방문한 인덱스",
    "the batch sizes of build_loader(23 items, batch_size=5, drop_last={drop:w})":
        "build_loader(항목 23개, batch_size=5, drop_last={drop})의 배치 크기",
    "len(build_loader(23 items, batch_size=5, drop_last=True))": "len(build_loader(항목 23개, batch_size=5, drop_last=True))",
    "the number of items the collate_fn received": "collate_fn이 받은 항목 수",
    # whole messages: class_balanced_sampler
    "class_balanced_sampler returned a {kind:w}: return a torch.utils.data.WeightedRandomSampler":
        "class_balanced_sampler가 {kind}을(를) 반환했습니다: torch.utils.data.WeightedRandomSampler를 반환하세요",
    "the sampler draws without replacement, so rare samples cannot be drawn more than once and the classes cannot be "
    "balanced: pass replacement=True":
        "샘플러가 비복원 추출을 해서 드문 샘플을 두 번 이상 뽑을 수 없고, 그래서 클래스 균형을 맞출 수 없습니다: "
        "replacement=True를 넘기세요",
    "the sampler has no `weights`: return WeightedRandomSampler(weights, ...) (it returned a {kind:w})":
        "샘플러에 `weights`가 없습니다: WeightedRandomSampler(weights, ...)를 반환하세요 (반환한 것은 {kind})",
    "sampler.weights has {count:n} entries for {n:n} labels: {hint:t}":
        "레이블은 {n}개인데 sampler.weights의 값은 {count}개입니다: {hint}",
    "the sampler drew index {index:n}, but there are only {n:n} samples: WeightedRandomSampler needs one weight per "
    "sample, not one per class":
        "샘플이 {n}개뿐인데 샘플러가 인덱스 {index}을(를) 뽑았습니다: WeightedRandomSampler에는 클래스마다가 아니라 "
        "샘플마다 가중치 하나가 필요합니다",
    "class {label:n} ({count:n} of {n:n} samples) makes up {frequency:n} of {draws:n} draws (generator seeded with 0), "
    "expected {share:n} ± {tolerance:n} (each of the {classes:n} classes equally often). Weigh sample i by "
    "1 / count(labels[i]) and draw with replacement":
        "클래스 {label} (샘플 {n}개 중 {count}개): {draws}번 뽑기(generator 시드 0)에서 차지한 비율이 {frequency}입니다. "
        "기댓값은 {share} ± {tolerance}입니다 ({classes}개 클래스가 모두 같은 비율). 샘플 i에 1 / count(labels[i])의 "
        "가중치를 주고 복원 추출하세요",
    "two samplers with generators seeded alike drew different indices once torch's global seed was changed: the draws "
    "come from the global random state. {hint:t}":
        "같은 시드의 generator를 준 두 샘플러가 torch의 전역 시드를 바꾸자 서로 다른 인덱스를 뽑았습니다: 전역 난수 "
        "상태에서 뽑고 있습니다. {hint}",
    "generators seeded with 0 and with 1 gave the same 200 draws: the generator is not used. {hint:t}":
        "시드 0과 시드 1의 generator가 똑같이 200개를 뽑았습니다: generator를 쓰지 않고 있습니다. {hint}",
    # whole messages: train_val_split
    "{split:t} gave {count:n} validation indices, expected {wanted:n}. {hint:t}":
        "{split}: 검증 인덱스가 {count}개입니다. 기댓값은 {wanted}개입니다. {hint}",
    "{split:t}: indices {indices} appear more than once (in both parts, or twice in one): cut one permutation of "
    "range(n) in two":
        "{split}: 인덱스 {indices}이(가) 두 번 이상 나옵니다 (두 부분 모두에, 또는 한 부분에 두 번): range(n)의 순열 "
        "하나를 둘로 자르세요",
    "{split:t}: indices {indices} are in neither part: every index of range(n) must be in one":
        "{split}: 인덱스 {indices}이(가) 어느 쪽에도 없습니다: range(n)의 모든 인덱스는 한쪽에 들어가야 합니다",
    "{split:t}: indices {indices} are not in range({n:n})": "{split}: 인덱스 {indices}이(가) range({n})에 없습니다",
    "{name:w}_indices is a {kind:w}, expected a list: convert with .tolist() or list(...)":
        "{name}_indices: {kind}입니다. 리스트여야 합니다: .tolist()나 list(...)로 변환하세요",
    "{name:w}_indices holds {kinds} values, expected Python ints: a tensor's .tolist() gives ints":
        "{name}_indices에 {kinds} 값이 들어 있습니다. Python int여야 합니다: 텐서의 .tolist()는 int를 줍니다",
    "two calls of train_val_split(100, 0.2, seed=0) gave different splits: draw from a generator seeded with seed":
        "train_val_split(100, 0.2, seed=0)을 두 번 호출했더니 분할이 달랐습니다: seed로 시드를 정한 generator에서 뽑으세요",
    "seeds 0 and 1 gave the same validation indices: the split must depend on seed, e.g. torch.randperm(n, "
    "generator=torch.Generator().manual_seed(seed))":
        "시드 0과 1이 같은 검증 인덱스를 줬습니다: 분할은 seed에 따라 달라져야 합니다. 예: torch.randperm(n, "
        "generator=torch.Generator().manual_seed(seed))",
    "the validation indices are {first:n}..{last:n}, a block of range(n): split at random (permute range(n) first)":
        "검증 인덱스가 {first}..{last}, 즉 range(n)의 연속 구간입니다: 무작위로 나누세요 (먼저 range(n)을 섞으세요)",
    "train_val_split changed the global random state of {module:w}: {hint:t}":
        "train_val_split이 {module}의 전역 난수 상태를 바꿨습니다: {hint}",
    "with the global random states (torch, random, NumPy) seeded differently before each call, train_val_split(50, "
    "0.3, seed=4) gave different splits: it draws from the global random state. Draw from your own generator, e.g. "
    "torch.Generator().manual_seed(seed)":
        "호출마다 전역 난수 상태(torch, random, NumPy)의 시드를 다르게 했더니 train_val_split(50, 0.3, seed=4)의 분할이 "
        "달랐습니다: 전역 난수 상태에서 뽑고 있습니다. 자신만의 generator에서 뽑으세요. 예: "
        "torch.Generator().manual_seed(seed)",
    # whole messages: make_split_loaders
    "train_val_split(23, 0.3, 1) gave different splits on two calls (with the global random states seeded "
    "differently), so the loaders cannot be checked against it: make train_val_split reproducible first (draw from "
    "torch.Generator().manual_seed(seed))":
        "train_val_split(23, 0.3, 1)을 두 번 호출했더니 (전역 난수 상태의 시드를 다르게 해서) 분할이 달라서, 로더를 "
        "그것과 비교할 수 없습니다: 먼저 train_val_split이 재현 가능하게 하세요 (torch.Generator().manual_seed(seed)에서 "
        "뽑으세요)",
    "the training loader's sampler is a {kind:w}: pass sampler=SubsetRandomSampler(train_indices, generator=...) to its "
    "DataLoader":
        "학습 로더의 샘플러가 {kind}입니다: 그 DataLoader에 sampler=SubsetRandomSampler(train_indices, generator=...)를 "
        "넘기세요",
    "the SubsetRandomSampler's indices are {got}, but train_val_split(23, 0.3, 1) gives the training indices {want}: "
    "sample the training part of train_val_split(len(dataset), val_fraction, seed)":
        "SubsetRandomSampler의 인덱스는 {got}인데, train_val_split(23, 0.3, 1)의 학습 인덱스는 {want}입니다: "
        "train_val_split(len(dataset), val_fraction, seed)의 학습 부분에서 뽑으세요",
    "two training loaders built with the same seed (the global random states seeded differently before each) visited "
    "the training indices in different orders: give the SubsetRandomSampler generator=torch.Generator().manual_seed(seed)":
        "같은 seed로 만든 두 학습 로더가 (만들기 전마다 전역 난수 상태의 시드를 다르게 했더니) 학습 인덱스를 서로 다른 "
        "순서로 방문했습니다: SubsetRandomSampler에 generator=torch.Generator().manual_seed(seed)를 주세요",
    "the validation loader visited {got}, but the validation indices of train_val_split(23, 0.3, 1) are {want}: use "
    "the validation part of the split":
        "검증 로더는 {got}을(를) 방문했는데, train_val_split(23, 0.3, 1)의 검증 인덱스는 {want}입니다: 분할의 검증 "
        "부분을 쓰세요",
    # whole messages: BucketBatchSampler
    "{sampler:t} for lengths {lengths} yielded {got}, expected {want}. {hint:t}":
        "길이가 {lengths}일 때 {sampler}가 {got}을(를) 내놓았습니다. 기댓값은 {want}입니다. {hint}",
    "BucketBatchSampler has no __len__: define it to return the number of batches":
        "BucketBatchSampler에 __len__이 없습니다: 배치 수를 반환하도록 정의하세요",
    "{sampler:t}: in epoch {epoch:n}, indices {indices} appear more than once":
        "{sampler}: 에포크 {epoch}에서 인덱스 {indices}이(가) 두 번 이상 나옵니다",
    "{sampler:t}: in epoch {epoch:n}, indices {missing} are missing. {hint:t}":
        "{sampler}: 에포크 {epoch}에서 인덱스 {missing}이(가) 빠졌습니다. {hint}",
    "{sampler:t}: in epoch {epoch:n}, indices {extra} were not expected. {hint:t}":
        "{sampler}: 에포크 {epoch}에서 뜻밖의 인덱스 {extra}이(가) 나왔습니다. {hint}",
    "{sampler:t}: in epoch {epoch:n}, indices {missing} are missing and indices {extra} were not expected. {hint:t}":
        "{sampler}: 에포크 {epoch}에서 인덱스 {missing}이(가) 빠졌고, 뜻밖의 인덱스 {extra}이(가) 나왔습니다. {hint}",
    "{sampler:t} yielded the batches {got}; shuffling must only change their order, the batches are still {want}: "
    "shuffle the list of batches, not the indices":
        "{sampler}가 배치 {got}을(를) 내놓았습니다. 섞기는 배치의 순서만 바꿔야 하고, 배치 자체는 그대로 {want}입니다: "
        "인덱스가 아니라 배치 리스트를 섞으세요",
    "{sampler:t} yielded the batches in the sorted order: with shuffle=True, yield them in the order of a random "
    "permutation, e.g. torch.randperm(len(batches), generator=generator)":
        "{sampler}가 배치를 정렬된 순서대로 내놓았습니다: shuffle=True이면 무작위 순열의 순서로 내놓으세요. 예: "
        "torch.randperm(len(batches), generator=generator)",
    "{sampler:t} with generators seeded alike gave different batch orders once torch's global seed was changed: draw "
    "the permutation from `generator` (torch.randperm(..., generator=generator))":
        "{sampler}: 같은 시드의 generator인데 torch의 전역 시드를 바꾸자 배치 순서가 달라졌습니다: 순열을 `generator`에서 "
        "뽑으세요 (torch.randperm(..., generator=generator))",
    "{sampler:t} gave the same batch order for generators seeded with 5 and 6: draw the permutation from `generator`":
        "{sampler}: 시드 5와 6의 generator에 같은 배치 순서를 줬습니다: 순열을 `generator`에서 뽑으세요",
    "BucketBatchSampler must subclass torch.utils.data.Sampler": "BucketBatchSampler는 torch.utils.data.Sampler를 상속해야 합니다",
    # whole messages: shard_indices
    "{call:t} returned a {kind:w}, expected a list of ints": "{call}: {kind}을(를) 반환했습니다. int 리스트여야 합니다",
    "{call:t} returned {got}, DistributedSampler gives {want}. {hint:t}":
        "{call}: {got}을(를) 반환했습니다. DistributedSampler는 {want}을(를) 줍니다. {hint}",
    "{call:t} returned a {kind:w}, expected a list: convert with .tolist()":
        "{call}: {kind}을(를) 반환했습니다. 리스트여야 합니다: .tolist()로 변환하세요",
    "{call:t} holds {kinds} values, expected Python ints: a tensor's .tolist() gives ints":
        "{call}: {kinds} 값이 들어 있습니다. Python int여야 합니다: 텐서의 .tolist()는 int를 줍니다",
    "shard_indices uses DistributedSampler (in {functions}), which this exercise asks you to do without: write the index "
    "arithmetic yourself":
        "shard_indices가 DistributedSampler를 씁니다 ({functions}). 이 과제에서는 쓸 수 없습니다: 인덱스 계산을 직접 작성하세요",
    # whole messages: seed_worker
    "seed_worker did not seed {module:w}: call {call:c}(torch.initial_seed() % 2**32)":
        "seed_worker가 {module}의 시드를 정하지 않았습니다: {call}(torch.initial_seed() % 2**32)을 호출하세요",
    "seed_worker seeded {module:w} with torch.initial_seed() % 2**32 + worker_id: leave worker_id out, torch already "
    "gives every worker its own initial seed":
        "seed_worker가 {module}의 시드를 torch.initial_seed() % 2**32 + worker_id로 정했습니다: worker_id는 빼세요. "
        "torch가 이미 워커마다 다른 초기 시드를 줍니다",
    "{what:t}, worker {worker:n} drew {got} from {module:w}, but seeded with torch.initial_seed() % 2**32 = {seed:n} it "
    "draws {want}: {hint:t}":
        "{what} 워커 {worker}: {module}에서 {got}을(를) 뽑았지만, torch.initial_seed() % 2**32 = {seed}로 시드를 "
        "정하면 {want}이(가) 나옵니다: {hint}",
    "in a DataLoader(num_workers=2, worker_init_fn=seed_worker)": "DataLoader(num_workers=2, worker_init_fn=seed_worker)에서",
    "in build_loader(dataset, 3, seed=7, num_workers=2)": "build_loader(dataset, 3, seed=7, num_workers=2)에서",
    "two DataLoaders with generators seeded alike and worker_init_fn=seed_worker drew different numbers in their "
    "workers: {hint:t}":
        "같은 시드의 generator와 worker_init_fn=seed_worker로 만든 두 DataLoader의 워커가 서로 다른 수를 뽑았습니다: {hint}",
    "the items were loaded by workers {workers}, expected workers 0 and 1":
        "항목을 워커 {workers}이(가) 읽었습니다. 워커 0과 1이어야 합니다",
    "workers 0 and 1 drew the same first number from {module:w}: seed each worker from torch.initial_seed(), which "
    "differs between workers":
        "워커 0과 1이 {module}에서 같은 첫 수를 뽑았습니다: 워커마다 다른 torch.initial_seed()로 각 워커의 시드를 정하세요",
    # whole messages: build_loader
    "two loaders built by build_loader(dataset, 4, seed=7) gave different batches (the global random states were "
    "seeded differently before each): {first} and {second}. Shuffle with a generator of your own: DataLoader(..., "
    "generator=torch.Generator().manual_seed(seed))":
        "build_loader(dataset, 4, seed=7)로 만든 두 로더가 (만들기 전마다 전역 난수 상태의 시드를 다르게 했더니) 서로 "
        "다른 배치를 줬습니다: {first}, {second}. 자신만의 generator로 섞으세요: DataLoader(..., "
        "generator=torch.Generator().manual_seed(seed))",
    "build_loader(dataset, 4, seed=7) did not shuffle: shuffle defaults to True":
        "build_loader(dataset, 4, seed=7)가 섞지 않았습니다: shuffle의 기본값은 True입니다",
    "with num_workers=2 the items were loaded by workers {workers}, expected workers 0 and 1: pass num_workers on to "
    "the DataLoader":
        "num_workers=2인데 항목을 워커 {workers}이(가) 읽었습니다. 워커 0과 1이어야 합니다: num_workers를 DataLoader에 "
        "넘기세요",
    "two loaders built by build_loader(dataset, 3, seed=7, num_workers=2) (the global random states seeded differently) "
    "visited the indices in different orders: {first} and {second}. Pass generator=torch.Generator().manual_seed(seed) "
    "to the DataLoader":
        "build_loader(dataset, 3, seed=7, num_workers=2)로 만든 두 로더가 (전역 난수 상태의 시드를 다르게 했더니) "
        "인덱스를 서로 다른 순서로 방문했습니다: {first}, {second}. DataLoader에 "
        "generator=torch.Generator().manual_seed(seed)를 넘기세요",
    "two loaders built by build_loader(dataset, 3, seed=7, num_workers=2) (the global random states seeded "
    "differently): the dataset's draws from {module:w} differ between the loaders. {hint:t}":
        "build_loader(dataset, 3, seed=7, num_workers=2)로 만든 두 로더 (전역 난수 상태의 시드를 다르게 함): 데이터셋이 "
        "{module}에서 뽑은 값이 로더마다 다릅니다. {hint}",
    "build_loader gave the same order for seeds 7 and 8: seed the generator with `seed`":
        "build_loader가 시드 7과 8에 같은 순서를 줬습니다: generator의 시드를 `seed`로 정하세요",
    "with collate_fn given, build_loader's batches did not come from it: pass collate_fn on to the DataLoader":
        "collate_fn을 줬는데 build_loader의 배치가 그것에서 나오지 않았습니다: collate_fn을 DataLoader에 넘기세요",
    # whole messages: the probes
    "a batch of your loader is a {kind:w}, expected a batch of indices": "로더의 배치가 {kind}입니다. 인덱스의 배치여야 합니다",
    "iterating your sampler did not yield integer indices": "샘플러를 순회했더니 정수 인덱스가 나오지 않았습니다",
    "train_val_split returned {kind:w}, expected a pair (train_indices, val_indices)":
        "train_val_split이 {kind}을(를) 반환했습니다. (train_indices, val_indices) 쌍이어야 합니다",
    "train_val_split must return two lists of ints (train_indices, val_indices)":
        "train_val_split은 int 리스트 두 개 (train_indices, val_indices)를 반환해야 합니다",
    "train_val_split must return a pair (train_indices, val_indices)":
        "train_val_split은 (train_indices, val_indices) 쌍을 반환해야 합니다",
    "train_val_split must return two lists of ints": "train_val_split은 int 리스트 두 개를 반환해야 합니다",
    "make_split_loaders returned {kind:w}, expected a pair (train_loader, val_loader)":
        "make_split_loaders가 {kind}을(를) 반환했습니다. (train_loader, val_loader) 쌍이어야 합니다",
    "make_split_loaders must return two torch.utils.data.DataLoader objects":
        "make_split_loaders는 torch.utils.data.DataLoader 객체 두 개를 반환해야 합니다",
    "BucketBatchSampler yielded a {kind:w}, expected a list of indices":
        "BucketBatchSampler가 {kind}을(를) 내놓았습니다. 인덱스 리스트여야 합니다",
    "build_loader returned {kind:w}, expected a DataLoader": "build_loader가 {kind}을(를) 반환했습니다. DataLoader여야 합니다",
    # hints
    "only with replacement=True can WeightedRandomSampler draw more indices than there are samples":
        "WeightedRandomSampler는 replacement=True일 때만 샘플 수보다 많은 인덱스를 뽑을 수 있습니다",
    "that is one weight per class, but WeightedRandomSampler needs one weight per sample (len(labels) = {n:n}): with "
    "per-class weights it draws class ids instead of sample indices. Give sample i the weight 1 / count(labels[i])":
        "클래스마다 가중치 하나를 줬지만, WeightedRandomSampler에는 샘플마다 가중치 하나가 필요합니다 (len(labels) = "
        "{n}): 클래스별 가중치를 주면 샘플 인덱스 대신 클래스 번호를 뽑습니다. 샘플 i에 1 / count(labels[i])의 가중치를 "
        "주세요",
    "give every one of the {n:n} samples a weight: sample i weighs 1 / count(labels[i])":
        "샘플 {n}개 모두에 가중치를 주세요: 샘플 i의 가중치는 1 / count(labels[i])입니다",
    "these are the class counts: the weight is their inverse, 1 / count(labels[i]), so rare classes weigh more":
        "이것은 클래스별 개수입니다: 가중치는 그 역수인 1 / count(labels[i])이어서, 드문 클래스일수록 가중치가 큽니다",
    "your weights are 1 / count(labels[i]) times {ratio:n}: use exactly 1 / count(labels[i]), without normalising":
        "가중치가 1 / count(labels[i])의 {ratio}배입니다: 정규화하지 말고 정확히 1 / count(labels[i])를 쓰세요",
    "sample i weighs 1 / count(labels[i]), where count is how many samples have that label":
        "샘플 i의 가중치는 1 / count(labels[i])입니다. count는 그 레이블을 가진 샘플의 수입니다",
    "it defaults to len(labels)": "기본값은 len(labels)입니다",
    "pass num_samples on to WeightedRandomSampler": "num_samples를 WeightedRandomSampler에 넘기세요",
    "pass generator=generator on to WeightedRandomSampler": "generator=generator를 WeightedRandomSampler에 넘기세요",
    "the pair is (train_indices, val_indices): return the training indices first":
        "쌍은 (train_indices, val_indices)입니다: 학습 인덱스를 먼저 반환하세요",
    "take exactly int(n * val_fraction) = int({n:n} * {fraction:n}) = {wanted:n} (rounded down) for validation":
        "검증용으로 정확히 int(n * val_fraction) = int({n} * {fraction}) = {wanted}개 (내림)를 가져가세요",
    "use a torch.Generator().manual_seed(seed) of your own instead of torch.manual_seed":
        "torch.manual_seed 대신 자신만의 torch.Generator().manual_seed(seed)를 쓰세요",
    "use random.Random(seed) instead of random.seed / random.shuffle":
        "random.seed / random.shuffle 대신 random.Random(seed)를 쓰세요",
    "use np.random.default_rng(seed) instead of np.random.seed / np.random.permutation":
        "np.random.seed / np.random.permutation 대신 np.random.default_rng(seed)를 쓰세요",
    "check 0 <= val_fraction < 1 first and raise ValueError otherwise (1.0 is out: nothing would be left to train on)":
        "먼저 0 <= val_fraction < 1인지 확인하고, 아니면 ValueError를 일으키세요 (1.0은 안 됩니다: 학습할 데이터가 "
        "남지 않습니다)",
    "it is a valid fraction": "올바른 비율입니다",
    "pass batch_size on": "batch_size를 넘기세요",
    "visit them in ascending order, without shuffling: e.g. sampler=sorted(val_indices)":
        "섞지 말고 오름차순으로 방문하세요 (예: sampler=sorted(val_indices))",
    "cut the sorted indices into consecutive batches of batch_size (only the last may be shorter)":
        "정렬한 인덱스를 batch_size개씩 연속된 배치로 자르세요 (마지막 배치만 짧을 수 있습니다)",
    "indices of equal length must keep their index order: sort stably, e.g. sorted(range(len(lengths)), key=lambda i: "
    "lengths[i])":
        "길이가 같은 인덱스는 인덱스 순서를 유지해야 합니다: 안정 정렬을 하세요. 예: sorted(range(len(lengths)), "
        "key=lambda i: lengths[i])",
    "order the indices shortest first": "인덱스를 짧은 것부터 정렬하세요",
    "with shuffle=False yield the batches in the sorted order (shortest first), without shuffling":
        "shuffle=False이면 섞지 말고 정렬된 순서(짧은 것부터)대로 배치를 내놓으세요",
    "sort the indices by length (stable, shortest first), then cut them into consecutive batches of batch_size":
        "인덱스를 길이순으로 (안정 정렬, 짧은 것부터) 정렬한 다음 batch_size개씩 연속된 배치로 자르세요",
    "with drop_last a short last batch is not counted (n // batch_size)":
        "drop_last이면 짧은 마지막 배치는 세지 않습니다 (n // batch_size)",
    "without drop_last a short last batch counts too (ceil(n / batch_size))":
        "drop_last가 아니면 짧은 마지막 배치도 셉니다 (ceil(n / batch_size))",
    "drop only the short last batch of the sorted order (here the longest items {dropped}), before shuffling":
        "섞기 전에, 정렬된 순서의 짧은 마지막 배치(여기서는 가장 긴 항목 {dropped})만 버리세요",
    "every index must appear exactly once per epoch": "모든 인덱스는 에포크마다 정확히 한 번 나와야 합니다",
    "__iter__ must yield one list of indices per batch": "__iter__는 배치마다 인덱스 리스트 하나를 내놓아야 합니다",
    "__len__ returns the number of batches": "__len__은 배치 수를 반환합니다",
    "the permutation is seeded with seed + epoch: each epoch gets its own order":
        "순열의 시드는 seed + epoch입니다: 에포크마다 순서가 달라집니다",
    "the permutation is seeded with seed + epoch: the seed is missing": "순열의 시드는 seed + epoch입니다: seed가 빠졌습니다",
    "with shuffle=True, start from torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch))":
        "shuffle=True이면 torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch))에서 시작하세요",
    "rank r takes every num_replicas-th index starting at r (padded[rank::num_replicas]), not a contiguous block of "
    "the list":
        "rank r은 리스트의 연속 구간이 아니라, r부터 시작해 num_replicas번째마다 인덱스를 가져갑니다 "
        "(padded[rank::num_replicas])",
    "every rank gets ceil(n / num_replicas) = {count:n} {word:w}: pad the list to a multiple of num_replicas by "
    "repeating it from its start, then take padded[rank::num_replicas]":
        "모든 rank는 ceil(n / num_replicas) = {count}개의 인덱스를 받습니다: 리스트를 처음부터 반복해서 num_replicas의 "
        "배수 길이로 패딩한 다음 padded[rank::num_replicas]를 가져가세요",
    "pad by repeating the (shuffled) list from its start, as often as needed: padded[i] = indices[i % n]":
        "(섞은) 리스트를 처음부터 필요한 만큼 반복해서 패딩하세요: padded[i] = indices[i % n]",
    "shuffle (or not) first, pad to ceil(n / num_replicas) * num_replicas by repeating the list from its start, then "
    "take padded[rank::num_replicas]":
        "먼저 섞고 (또는 섞지 않고), 리스트를 처음부터 반복해서 ceil(n / num_replicas) * num_replicas 길이로 패딩한 "
        "다음 padded[rank::num_replicas]를 가져가세요",
    "check 0 <= rank < num_replicas first and raise ValueError otherwise":
        "먼저 0 <= rank < num_replicas인지 확인하고, 아니면 ValueError를 일으키세요",
    "seed both with torch.initial_seed() % 2**32 (NumPy only takes seeds below 2**32)":
        "둘 다 torch.initial_seed() % 2**32로 시드를 정하세요 (NumPy는 2**32보다 작은 시드만 받습니다)",
    "it seeds and returns None": "시드만 정하고 None을 반환합니다",
    "make seed_worker call random.seed and np.random.seed with torch.initial_seed() % 2**32":
        "seed_worker에서 torch.initial_seed() % 2**32로 random.seed와 np.random.seed를 호출하세요",
    "pass worker_init_fn=seed_worker to the DataLoader": "DataLoader에 worker_init_fn=seed_worker를 넘기세요",
    "every index once per epoch": "에포크마다 모든 인덱스를 한 번씩",
    "the workers' torch seeds are drawn from the loader's own generator: pass generator= to the DataLoader itself":
        "워커의 torch 시드는 로더 자신의 generator에서 뽑힙니다: DataLoader 자체에 generator=를 넘기세요",
    "torch gave the workers the same seeds, so your worker_init_fn reseeds torch at random: seed only random and "
    "NumPy, from torch.initial_seed() % 2**32":
        "torch는 워커에 같은 시드를 줬으니, worker_init_fn이 torch의 시드를 무작위로 다시 정하고 있습니다: "
        "torch.initial_seed() % 2**32로 random과 NumPy의 시드만 정하세요",
    "seed random in every worker: worker_init_fn=seed_worker": "워커마다 random의 시드를 정하세요: worker_init_fn=seed_worker",
    "seed NumPy in every worker: worker_init_fn=seed_worker": "워커마다 NumPy의 시드를 정하세요: worker_init_fn=seed_worker",
    "pass shuffle on to the DataLoader": "shuffle을 DataLoader에 넘기세요",
    "pass batch_size and drop_last on to the DataLoader": "batch_size와 drop_last를 DataLoader에 넘기세요",
    "pass drop_last on to the DataLoader": "drop_last를 DataLoader에 넘기세요",
    "pass drop_last on": "drop_last를 넘기세요",
}

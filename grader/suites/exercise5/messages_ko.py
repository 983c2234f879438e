"""Korean for exercise 5's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

# A batch the suite collates ("float32 sequences of shape (L,) with lengths [3, 7, 1, 5], int labels,
# pad_value=-1.0"), and a make_loader call ("make_loader(dataset, batch_size=4) over 10 sequences"),
# each written out after every phrase that ends with one, so that no placeholder at the end of a
# pattern can take in the rest of a message.
_SEQUENCES = "{dtype:w} sequences of shape {shape} with lengths [{lengths}]"
_SEQUENCES_KO = "{dtype} 시퀀스, 모양 {shape}, 길이 [{lengths}]"
_CASES = {
    f"{_SEQUENCES}, {labels}, {pad}": f"{_SEQUENCES_KO}, {labels_ko}, {pad_ko}"
    for labels, labels_ko in (("int labels", "int 레이블"), ("0-d tensor labels", "0차원 텐서 레이블"))
    for pad, pad_ko in (("pad_value={pad:n}", "pad_value={pad}"), ("the default pad_value", "기본 pad_value"))
}
_CASE_PHRASES = {
    "pad_collate on {case}": "pad_collate (입력: {case})",
    "SortedPadCollate on {case}": "SortedPadCollate (입력: {case})",
    "lengths for {case}": "lengths (입력: {case})",
    "labels for {case}": "labels (입력: {case})",
    "order for {case}": "order (입력: {case})",
    "the number of rows of order for {case}": "order의 행 수 (입력: {case})",
}
_LOADERS = {
    "make_loader({args}) over {n:n} sequences": "시퀀스 {n}개에 대한 make_loader({args})",
    "make_loader({args}) over {n:n} sequences of shape (L, {d:n})": "모양이 (L, {d})인 시퀀스 {n}개에 대한 make_loader({args})",
}
_LOADER_PHRASES = {
    "iterating {loader}": "{loader} 순회",
    "the number of batches of {loader}": "{loader}의 배치 수",
    "batch {index:n} of {loader}": "{loader}의 배치 {index}",
    "the labels (item indices) of batch {index:n} of {loader}": "{loader}의 배치 {index}의 레이블 (항목 인덱스)",
    "the lengths of batch {index:n} of {loader}": "{loader}의 배치 {index}의 lengths",
    "the DataLoader's num_workers for {loader}": "{loader}가 만든 DataLoader의 num_workers",
}

CATALOG: dict[str, str] = {
    **_CASES,
    **{english.replace("{case}", case): korean.replace("{case}", case_ko)
       for english, korean in _CASE_PHRASES.items() for case, case_ko in _CASES.items()},
    **{english.replace("{loader}", loader): korean.replace("{loader}", loader_ko)
       for english, korean in _LOADER_PHRASES.items() for loader, loader_ko in _LOADERS.items()},
    # what was run or compared
    "{what:t}: padded": "{what}의 padded",
    "{what:t}: lengths": "{what}의 lengths",
    "{what:t}: labels": "{what}의 labels",
    "SortedPadCollate": "SortedPadCollate",
    "pad_collate([])": "pad_collate([])",
    "SortedPadCollate()([])": "SortedPadCollate()([])",
    "padding_mask(torch.tensor([{lengths}]))": "padding_mask(torch.tensor([{lengths}]))",
    "padding_mask(torch.tensor([{lengths}]), max_len={max_len:n})": "padding_mask(torch.tensor([{lengths}]), max_len={max_len})",
    "SortedPadCollate's padded for {case:t} and its own order {order}":
        "SortedPadCollate의 padded (입력: {case}, 자신이 반환한 order {order})",
    "SortedPadCollate's {name:w} for its own order {order}": "SortedPadCollate의 {name} (자신이 반환한 order {order})",
    "make_loader(dataset of 12 items, 5, shuffle=True, generator=torch.Generator().manual_seed(4))":
        "make_loader(dataset of 12 items, 5, shuffle=True, generator=torch.Generator().manual_seed(4))",
    "iterating make_loader(dataset of 12 items, 5, shuffle=True, generator=torch.Generator().manual_seed(4))":
        "make_loader(dataset of 12 items, 5, shuffle=True, generator=torch.Generator().manual_seed(4)) 순회",
    "the items one epoch of {call:t} visits, sorted": "{call}가 한 에포크에 방문한 항목 (정렬)",
    # a value that is not a tensor
    "a {kind:w} ({value})": "{kind} ({value})",
    # whole messages: padded
    "{what:t}: padded should be a tensor, got {got:v}": "{what}: padded는 텐서여야 하는데 {got}입니다",
    "{what:t}: padded has shape {got}, that is (T, B) = (max length, batch size), time first; it must be batch first, "
    "(B, T) = {want}. pad_sequence returns (T, B) unless you pass batch_first=True":
        "{what}: padded의 모양이 {got}, 즉 (T, B) = (최대 길이, 배치 크기)로 시간 축이 먼저입니다. 배치 축이 먼저인 "
        "(B, T) = {want}여야 합니다. pad_sequence는 batch_first=True를 주지 않으면 (T, B)를 반환합니다",
    "{what:t}: padded is time first, (T, B): padded[t, i] holds step t of sequence i. It must be batch first, (B, T), "
    "one row per sequence; pad_sequence returns (T, B) unless you pass batch_first=True":
        "{what}: padded가 시간 축이 먼저인 (T, B)입니다: padded[t, i]에 시퀀스 i의 t번째 스텝이 있습니다. 배치 축이 "
        "먼저인 (B, T), 즉 시퀀스마다 한 행이어야 합니다. pad_sequence는 batch_first=True를 주지 않으면 (T, B)를 반환합니다",
    "{what:t} has dtype {got:w}, expected {want:w} (the sequences' dtype). {hint:t}":
        "{what}: dtype이 {got}입니다. 기댓값은 시퀀스의 dtype인 {want}입니다. {hint}",
    "{what:t} has dtype {got:w}, expected {want:w} (the sequences' dtype)":
        "{what}: dtype이 {got}입니다. 기댓값은 시퀀스의 dtype인 {want}입니다",
    "{what:t} returned padded on another device than the sequences: create it on seq.device (or use pad_sequence)":
        "{what}: 시퀀스와 다른 장치(device)에 padded를 만들었습니다: seq.device에 만드세요 (또는 pad_sequence를 쓰세요)",
    "pad_collate turned {dtype:w} sequences into a {got:w} padded tensor ({case:t}). Keep the sequences' dtype: "
    "torch.full(..., pad_value, dtype=seq.dtype) or seq.new_full(...); a Python int pad_value alone makes torch.full "
    "int64, a float one float32":
        "pad_collate가 {dtype} 시퀀스를 {got} padded 텐서로 바꿨습니다 ({case}). 시퀀스의 dtype을 유지하세요: "
        "torch.full(..., pad_value, dtype=seq.dtype) 또는 seq.new_full(...). dtype 없이 pad_value만 주면 torch.full은 "
        "Python int일 때 int64, float일 때 float32가 됩니다",
    "pad_collate modified the input sample(s) {samples} of {case:t}: copy the sequences into a new tensor (no in-place "
    "ops such as resize_ or fill_ on the inputs)":
        "pad_collate가 입력 샘플 {samples}을(를) 바꿨습니다 ({case}): 시퀀스를 새 텐서에 복사하세요 (입력에 resize_나 "
        "fill_ 같은 제자리 연산을 쓰지 마세요)",
    "{what:t} modified the input sample(s) {samples}: copy, never modify the inputs":
        "{what}: 입력 샘플 {samples}을(를) 바꿨습니다: 복사만 하고 입력은 절대 바꾸지 마세요",
    # whole messages: int64 tensors
    "{what:t} should be an int64 tensor of shape {shape}, got {got:v}: build it with torch.tensor([...], dtype=torch.int64)":
        "{what}: 모양이 {shape}인 int64 텐서여야 하는데 {got}입니다: torch.tensor([...], dtype=torch.int64)로 만드세요",
    "{what:t} should be an int64 tensor of shape {shape}, got {got:v}: return torch.tensor(order, dtype=torch.int64)":
        "{what}: 모양이 {shape}인 int64 텐서여야 하는데 {got}입니다: torch.tensor(order, dtype=torch.int64)를 반환하세요",
    "{what:t} has shape {got}, expected {want}: one value per sample, (B,)":
        "{what}: 모양이 {got}입니다. 기댓값은 {want}입니다: 샘플마다 값 하나, 즉 (B,)입니다",
    "{what:t} has dtype {got:w}, expected torch.int64: pass dtype=torch.int64 (or call .long())":
        "{what}: dtype이 {got}입니다. torch.int64여야 합니다: dtype=torch.int64를 주세요 (또는 .long()을 호출하세요)",
    # whole messages: empty batch
    "{call:t} returned {got:t} instead of raising ValueError: check for an empty batch and raise ValueError with a message":
        "{call}: ValueError를 일으키지 않고 {got}을(를) 반환했습니다: 빈 배치인지 확인하고 메시지와 함께 ValueError를 "
        "일으키세요",
    "{call:t} returned {kind:w} instead of raising ValueError: check for an empty batch and raise ValueError with a message":
        "{call}: ValueError를 일으키지 않고 {kind}을(를) 반환했습니다: 빈 배치인지 확인하고 메시지와 함께 ValueError를 "
        "일으키세요",
    "{call:t} raised {kind:e} ({message:a}), expected ValueError: check for an empty batch first and raise ValueError "
    "with a message":
        "{call}: {kind} ({message}) 예외가 났습니다. ValueError여야 합니다: 먼저 빈 배치인지 확인하고 메시지와 함께 "
        "ValueError를 일으키세요",
    "a {kind:w} of {count:n} items": "항목 {count}개짜리 {kind}",
    "a single tensor of shape {shape}": "모양이 {shape}인 텐서 하나",
    # whole messages: padding_mask
    "{call:t} should return a bool tensor, got {got:v}": "{call}: bool 텐서를 반환해야 하는데 {got}입니다",
    "{call:t} has shape {got}, expected (B, max_len) = {want}: one row per sequence":
        "{call}: 모양이 {got}입니다. 기댓값은 (B, max_len) = {want}입니다: 시퀀스마다 한 행입니다",
    "{call:t} has shape {got}, expected (B, max_len) = {want}": "{call}: 모양이 {got}입니다. 기댓값은 (B, max_len) = {want}입니다",
    "{call:t} has dtype {got:w}, expected torch.bool: compare positions with lengths (torch.arange(max_len) < "
    "lengths[:, None]) to get a bool tensor":
        "{call}: dtype이 {got}입니다. torch.bool이어야 합니다: 위치를 lengths와 비교해서 (torch.arange(max_len) < "
        "lengths[:, None]) bool 텐서를 얻으세요",
    "{call:t} is on another device than lengths: create it on lengths.device":
        "{call}: lengths와 다른 장치(device)에 있습니다: lengths.device에 만드세요",
    "{call:t} modified lengths in place: leave its argument unchanged": "{call}: lengths를 제자리에서 바꿨습니다: 인자는 그대로 두세요",
    "{call:t} has {got:n} columns, expected {want:n}: max_len was ignored; use max(lengths) only when max_len is None":
        "{call}: 열이 {got}개입니다. 기댓값은 {want}개입니다: max_len이 무시되었습니다. max(lengths)는 max_len이 None일 "
        "때만 쓰세요",
    # whole messages: SortedPadCollate
    "{what:t} is {order}, which is not a permutation of the batch indices 0..{last:n}: order[i] is the batch index of row i":
        "{what}: {order}입니다. 배치 인덱스 0..{last}의 순열이 아닙니다: order[i]는 i번째 행의 배치 인덱스입니다",
    "SortedPadCollate's order is not a permutation of the batch indices for {case:t}: order[i] is the batch index of row i":
        "SortedPadCollate의 order가 배치 인덱스의 순열이 아닙니다 ({case}): order[i]는 i번째 행의 배치 인덱스입니다",
    "SortedPadCollate's padded should be a tensor, got {got:v}": "SortedPadCollate의 padded는 텐서여야 하는데 {got}입니다",
    "pickle.dumps(SortedPadCollate(pad_value={pad:n})) failed with {kind:e}: {message:a}. DataLoader workers need a "
    "picklable collate_fn: define the class at module level and keep only plain values on self (no lambdas or local "
    "functions)":
        "pickle.dumps(SortedPadCollate(pad_value={pad})) 실패: {kind}: {message}. DataLoader 워커에는 pickle할 수 있는 "
        "collate_fn이 필요합니다: 클래스를 모듈 최상위에 정의하고 self에는 단순한 값만 두세요 (람다나 지역 함수는 안 됩니다)",
    "after pickle.loads(pickle.dumps(SortedPadCollate(pad_value={pad:n}))) the copy returns another {name:w} than the "
    "original: keep every setting (pad_value) as an attribute on self":
        "pickle.loads(pickle.dumps(SortedPadCollate(pad_value={pad}))) 이후 복사본이 원본과 다른 {name}을(를) "
        "반환합니다: 모든 설정(pad_value)을 self의 속성으로 두세요",
    "pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=True) rejected SortedPadCollate's output "
    "for {case:t}: {kind:e}: {error:a}. Order the rows longest first and return lengths (a CPU int64 tensor) in the "
    "same order":
        "pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=True)가 SortedPadCollate의 출력을 "
        "거부했습니다 ({case}): {kind}: {error}. 행을 긴 것부터 정렬하고, lengths(CPU int64 텐서)도 같은 순서로 반환하세요",
    "after pack_padded_sequence and pad_packed_sequence, rows {rows} do not give back batch[order[i]]'s sequence "
    "({case:t}): row i must hold batch[order[i]] and lengths[i] its length":
        "pack_padded_sequence와 pad_packed_sequence를 거친 뒤 {rows}번 행에서 batch[order[i]]의 시퀀스가 되살아나지 "
        "않습니다 ({case}): i번째 행에는 batch[order[i]]가, lengths[i]에는 그 길이가 있어야 합니다",
    # whole messages: make_loader
    "{call:t} visits the items in dataset order: pass shuffle on to the DataLoader":
        "{call}: 항목을 데이터셋 순서대로 방문합니다: shuffle을 DataLoader에 넘기세요",
    "two loaders from equally seeded generators visit the items in different orders ({first} and {second}): pass "
    "generator=generator to the DataLoader instead of using the global random state":
        "같은 시드의 generator로 만든 두 로더가 항목을 서로 다른 순서로 방문합니다 ({first}, {second}): 전역 난수 "
        "상태를 쓰지 말고 generator=generator를 DataLoader에 넘기세요",
    "{call:t} visits the items in the order {got}, expected {want}: pass shuffle and generator on to the DataLoader "
    "(DataLoader(..., shuffle=shuffle, generator=generator))":
        "{call}: 항목을 {got} 순서로 방문합니다. 기댓값은 {want}입니다: shuffle과 generator를 DataLoader에 넘기세요 "
        "(DataLoader(..., shuffle=shuffle, generator=generator))",
    # whole messages: the probes
    "{call:t} must return a tuple ({names}), got {got:t}": "{call}: ({names}) 튜플을 반환해야 하는데 {got}입니다",
    "{call:t} must return a tuple ({names}), got {kind:w}": "{call}: ({names}) 튜플을 반환해야 하는데 {kind}입니다",
    "pad_collate": "pad_collate",
    "SortedPadCollate(...)(batch)": "SortedPadCollate(...)(batch)",
    "the original SortedPadCollate(...)(batch)": "원본 SortedPadCollate(...)(batch)",
    "the restored SortedPadCollate(...)(batch)": "복원한 SortedPadCollate(...)(batch)",
    "each batch of make_loader's DataLoader": "make_loader가 만든 DataLoader의 각 배치",
    "SortedPadCollate's padded is a {kind:w}, not a tensor": "SortedPadCollate의 padded가 텐서가 아니라 {kind}입니다",
    "make_loader returned {kind:w}, expected a torch.utils.data.DataLoader":
        "make_loader가 {kind}을(를) 반환했습니다. torch.utils.data.DataLoader여야 합니다",
    # hints
    "each row holds its sequence in the first L_i positions and pad_value in the rest":
        "각 행의 앞쪽 L_i개 위치에 시퀀스가, 나머지에 pad_value가 있어야 합니다",
    "sequences of shape (L, {trailing}) give padded of shape (B, max L, {trailing2}): keep the trailing dimensions "
    "(allocate (B, T, *seq.shape[1:]))":
        "모양이 (L, {trailing})인 시퀀스는 모양이 (B, max L, {trailing2})인 padded가 됩니다: 뒤쪽 차원을 유지하세요 "
        "((B, T, *seq.shape[1:])로 할당하세요)",
    "padded is (B, max L_i, *trailing): one row per sample, as long as the longest sequence":
        "padded는 (B, max L_i, *trailing)입니다: 샘플마다 한 행이고, 길이는 가장 긴 시퀀스와 같습니다",
    "create the padded tensor with the sequences' dtype, e.g. torch.full(..., pad_value, dtype=seq.dtype) or "
    "seq.new_full(...); pad_sequence keeps it":
        "padded 텐서를 시퀀스의 dtype으로 만드세요. 예: torch.full(..., pad_value, dtype=seq.dtype) 또는 "
        "seq.new_full(...). pad_sequence는 dtype을 유지합니다",
    "the padding holds 0 instead of pad_value={pad}: fill with pad_value (pad_sequence(..., padding_value=pad_value))":
        "패딩에 pad_value={pad} 대신 0이 들어 있습니다: pad_value로 채우세요 (pad_sequence(..., padding_value=pad_value))",
    "the padding holds 0 instead of pad_value={pad}: pass the pad_value on to the padding":
        "패딩에 pad_value={pad} 대신 0이 들어 있습니다: pad_value를 패딩에 넘기세요",
    "the sequences sit at the end of their rows (left padding): right-pad instead, each sequence at the start of its "
    "row and the padding after it":
        "시퀀스가 행의 끝에 있습니다 (왼쪽 패딩): 오른쪽 패딩을 하세요. 각 시퀀스는 행의 처음에, 패딩은 그 뒤에 둡니다",
    "the rows are sorted by length: pad_collate keeps the batch order (row i holds batch[i])":
        "행이 길이순으로 정렬되어 있습니다: pad_collate는 배치 순서를 유지합니다 (i번째 행에는 batch[i])",
    "the rows are in batch order: order the batch longest first before padding":
        "행이 배치 순서 그대로입니다: 패딩하기 전에 배치를 긴 것부터 정렬하세요",
    "the rows are ordered shortest first: order them longest first": "행이 짧은 것부터 정렬되어 있습니다: 긴 것부터 정렬하세요",
    "the sequences here have shape (L, {trailing}): padded must be (B, max L, {trailing2}), keeping the trailing "
    "dimensions":
        "여기서 시퀀스의 모양은 (L, {trailing})입니다: padded는 뒤쪽 차원을 유지한 (B, max L, {trailing2})여야 합니다",
    "labels may be ints or 0-d tensors: build them with torch.tensor([int(label) for _, label in batch])":
        "레이블은 int일 수도 0차원 텐서일 수도 있습니다: torch.tensor([int(label) for _, label in batch])로 만드세요",
    "each length is len(batch[i][0]), the length before padding, in batch order":
        "각 길이는 패딩 전의 길이인 len(batch[i][0])이고, 배치 순서를 따릅니다",
    "the lengths are sorted: keep the batch order (lengths[i] belongs to batch[i])":
        "lengths가 정렬되어 있습니다: 배치 순서를 유지하세요 (lengths[i]는 batch[i]의 길이)",
    "every length is the padded length: record each sequence's own length before padding":
        "모든 길이가 패딩된 길이입니다: 패딩하기 전에 각 시퀀스 자신의 길이를 기록하세요",
    "the labels come from the samples, in batch order": "레이블은 샘플에서 배치 순서대로 가져옵니다",
    "position j of row i is True when j < lengths[i]": "i번째 행의 j번째 위치는 j < lengths[i]일 때 True입니다",
    "the mask is inverted: True marks the real elements, False the padding":
        "마스크가 뒤집혔습니다: True는 실제 원소, False는 패딩을 나타냅니다",
    "the batch is ordered shortest first: order it longest first (descending lengths)":
        "배치가 짧은 것부터 정렬되어 있습니다: 긴 것부터 정렬하세요 (길이 내림차순)",
    "order is the inverse permutation: order[i] must be the batch index of row i (row i holds batch[order[i]]), not "
    "the row where batch[i] ended up":
        "order가 역순열입니다: order[i]는 batch[i]가 간 행이 아니라 i번째 행의 배치 인덱스여야 합니다 (i번째 행에는 "
        "batch[order[i]])",
    "equal lengths must keep their batch order: use a stable sort, e.g. sorted(range(B), key=lambda i: -length[i]) "
    "or torch.sort(lengths, descending=True, stable=True); reversing an ascending sort reverses the ties":
        "길이가 같으면 배치 순서를 유지해야 합니다: 안정 정렬을 쓰세요. 예: sorted(range(B), key=lambda i: -length[i]) "
        "또는 torch.sort(lengths, descending=True, stable=True). 오름차순 정렬을 뒤집으면 같은 길이끼리의 순서도 뒤집힙니다",
    "order the batch by length, longest first, ties in batch order; row i holds batch[order[i]]":
        "배치를 길이순으로, 긴 것부터, 같은 길이는 배치 순서대로 정렬하세요. i번째 행에는 batch[order[i]]가 있습니다",
    "row i must hold batch[order[i]]'s sequence, then pad_value; each row holds its sequence in the first L_i "
    "positions and pad_value in the rest":
        "i번째 행에는 batch[order[i]]의 시퀀스, 그다음 pad_value가 있어야 합니다. 각 행의 앞쪽 L_i개 위치에 시퀀스가, "
        "나머지에 pad_value가 있습니다",
    "the {name:w} must follow the rows: entry i belongs to batch[order[i]]":
        "{name}도 행을 따라야 합니다: i번째 값은 batch[order[i]]의 것입니다",
    "the {name:w} are in batch order while the rows are sorted: reorder {name2:w} with the same order":
        "행은 정렬되었는데 {name}은(는) 배치 순서 그대로입니다: {name2}도 같은 order로 다시 정렬하세요",
    "each length is that of the sequence in the same row": "각 길이는 같은 행에 있는 시퀀스의 길이입니다",
    "each label is that of the sample in the same row": "각 레이블은 같은 행에 있는 샘플의 레이블입니다",
    "with batch_size={size:n} the batches have sizes {sizes}: pass batch_size and drop_last on to the DataLoader":
        "batch_size={size}이면 배치 크기는 {sizes}입니다: batch_size와 drop_last를 DataLoader에 넘기세요",
    "the items come in dataset order unless shuffle=True, batch_size per batch":
        "shuffle=True가 아니면 항목은 데이터셋 순서대로, 배치마다 batch_size개씩 옵니다",
    "pass batch_size={size:n} on to the DataLoader": "DataLoader에 batch_size={size} 인자를 넘기세요",
    "collate with pad_collate": "pad_collate로 배치를 묶으세요",
    "pass num_workers on to the DataLoader": "num_workers를 DataLoader에 넘기세요",
    "every item once per epoch: shuffle with DataLoader(..., shuffle=shuffle)":
        "에포크마다 모든 항목을 한 번씩: DataLoader(..., shuffle=shuffle)로 섞으세요",
    "expected batch sizes {sizes}: pass drop_last on to the DataLoader": "기대하는 배치 크기는 {sizes}입니다: drop_last를 DataLoader에 넘기세요",
}

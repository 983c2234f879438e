"""Hints for exercise 5's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

_RIGHT_PADDING = ("Right padding: row i starts with batch[i]'s sequence and pad_value fills the positions after it, up to "
                  "the longest length of the batch.",
                  "오른쪽 패딩: i번째 행은 batch[i]의 시퀀스로 시작하고, 그 뒤부터 배치에서 가장 긴 길이까지 pad_value로 "
                  "채웁니다.")
_STABLE_SORT = ("Sort the batch indices by length, longest first, with a stable sort: equal lengths then keep their batch "
                "order. Reversing an ascending sort would reverse the ties.",
                "배치 인덱스를 길이순으로, 긴 것부터 안정 정렬하세요: 그러면 같은 길이는 배치 순서를 유지합니다. 오름차순 "
                "정렬을 뒤집으면 같은 길이끼리의 순서도 뒤집힙니다.")
_PASS_ON = ("make_loader only builds a DataLoader: hand each of its arguments on to the DataLoader argument of the same "
            "name.",
            "make_loader는 DataLoader를 만들기만 합니다: 인자마다 DataLoader의 같은 이름의 인자로 넘기세요.")

HINTS: dict[str, H] = {
    "test_pad_collate_padded": H("pad_collate는 시퀀스들을 pad_value로 오른쪽 패딩해 배치 순서대로 (B, max L, *trailing)을 만듭니다",
                                 ("pad_collate",), (
        _RIGHT_PADDING,
        ("Sequences may have trailing dimensions, (L, D): only the first dimension differs between them, and padded is "
         "(B, max L, D).",
         "시퀀스에는 뒤쪽 차원이 있을 수 있습니다, (L, D): 시퀀스마다 다른 것은 첫 차원뿐이고, padded는 (B, max L, D)입니다."),
        ("torch.nn.utils.rnn.pad_sequence does the padding, with the padding value and batch-first layout you ask for.",
         "torch.nn.utils.rnn.pad_sequence가 패딩을 해 줍니다. 패딩 값과 배치 우선(batch first) 배치를 지정하세요."),
    )),
    "test_pad_collate_batch_first": H("padded는 시간 우선 (T, B)가 아니라 배치 우선 (B, T)입니다", ("pad_collate",), (
        ("One row per sequence: padded[i] is sample i, so the batch dimension comes first.",
         "시퀀스마다 한 행: padded[i]가 i번째 샘플이므로 배치 차원이 먼저 옵니다."),
        ("pad_sequence returns (T, B) by default: it has an argument that puts the batch first.",
         "pad_sequence는 기본으로 (T, B)를 반환합니다: 배치를 앞에 두는 인자가 있습니다."),
    )),
    "test_pad_collate_dtype": H("padded는 시퀀스의 dtype을 유지합니다 (int64 토큰, float32와 float64 특성)", ("pad_collate",), (
        ("Token ids must stay int64 and float64 features float64: the padded tensor takes the sequences' dtype.",
         "토큰 id는 int64로, float64 특성은 float64로 남아야 합니다: padded 텐서는 시퀀스의 dtype을 따릅니다."),
        ("If you allocate the padded tensor yourself, pass the sequences' dtype: a fill value alone decides the dtype "
         "(a Python int gives int64, a float gives float32).",
         "padded 텐서를 직접 할당한다면 시퀀스의 dtype을 넘기세요: 채울 값만 주면 그 값이 dtype을 정합니다 (Python int는 "
         "int64, float는 float32)."),
    )),
    "test_pad_collate_lengths": H("lengths는 각 시퀀스 길이를 배치 순서대로 담은 int64 텐서 (B,)입니다", ("pad_collate",), (
        ("A length is the size of a sequence's first dimension, measured before padding.",
         "길이는 패딩하기 전에 잰, 시퀀스의 첫 차원 크기입니다."),
        ("Keep the batch order, and build the tensor with dtype int64.", "배치 순서를 유지하고, 텐서는 dtype int64로 만드세요."),
    )),
    "test_pad_collate_labels": H("labels는 int 레이블이든 0차원 텐서 레이블이든 배치 순서대로 담은 int64 텐서 (B,)입니다",
                                 ("pad_collate",), (
        ("A label may be a Python int or a 0-d tensor: turn each into a Python int first, then build one int64 tensor.",
         "레이블은 Python int일 수도 0차원 텐서일 수도 있습니다: 각각 먼저 Python int로 바꾼 다음 int64 텐서 하나로 만드세요."),
        ("Stacking works only for tensors, and a float label tensor is not int64.",
         "쌓기(stack)는 텐서에만 되고, float 레이블 텐서는 int64가 아닙니다."),
    )),
    "test_pad_collate_inputs_unchanged": H("pad_collate는 입력 시퀀스와 레이블을 바꾸지 않습니다", ("pad_collate",), (
        ("Copy the sequences into a new tensor; never resize, fill or write into the tensors you were given.",
         "시퀀스를 새 텐서에 복사하세요. 받은 텐서의 크기를 바꾸거나, 채우거나, 거기에 쓰지 마세요."),
    )),
    "test_pad_collate_empty_batch": H("pad_collate는 빈 배치에 ValueError를 일으킵니다", ("pad_collate",), (
        ("Check for an empty batch before anything else and raise ValueError with a message yourself.",
         "무엇보다 먼저 빈 배치인지 확인하고, 메시지와 함께 ValueError를 직접 일으키세요."),
    )),
    "test_padding_mask": H("padding_mask(lengths)는 실제 위치가 True인 bool (B, max(lengths)) 마스크입니다", ("padding_mask",), (
        ("Position j of row i is real when j < lengths[i]; a length may be 0.",
         "i번째 행의 j번째 위치는 j < lengths[i]일 때 실제 원소입니다. 길이가 0일 수도 있습니다."),
        ("Compare a row of positions 0 .. max_len - 1 with a column of lengths: broadcasting gives the (B, max_len) "
         "bool tensor in one comparison, on the lengths' device.",
         "0 .. max_len - 1 위치의 행과 lengths의 열을 비교하세요: 브로드캐스팅으로 비교 한 번에 (B, max_len) bool "
         "텐서가 lengths와 같은 장치에 나옵니다."),
    )),
    "test_padding_mask_max_len": H("padding_mask(lengths, max_len)은 max(lengths)를 넘어서도 max_len개의 열을 가집니다",
                                   ("padding_mask",), (
        ("Use max(lengths) only when max_len is None; otherwise the mask has exactly max_len columns.",
         "max(lengths)는 max_len이 None일 때만 쓰세요. 아니면 마스크의 열은 정확히 max_len개입니다."),
    )),
    "test_sorted_order": H("SortedPadCollate는 배치를 긴 것부터, 같은 길이는 배치 순서대로 정렬하고 그 순서를 int64로 반환합니다",
                           ("SortedPadCollate",), (
        ("order[i] is the batch index of the sample in row i, not the row where sample i ended up.",
         "order[i]는 i번째 행에 있는 샘플의 배치 인덱스입니다. i번째 샘플이 간 행이 아닙니다."),
        _STABLE_SORT,
        ("Return the order as an int64 tensor of shape (B,).", "order는 모양이 (B,)인 int64 텐서로 반환하세요."),
    )),
    "test_sorted_rows_follow_order": H("SortedPadCollate의 i번째 행(padded, lengths, labels)은 batch[order[i]]입니다",
                                       ("SortedPadCollate",), (
        ("Reorder the samples first, then pad the reordered batch: padded, lengths and labels then all follow the same "
         "order.",
         "먼저 샘플을 다시 정렬한 다음 정렬된 배치를 패딩하세요: 그러면 padded, lengths, labels가 모두 같은 순서를 따릅니다."),
        ("Reusing pad_collate on the reordered samples, with the same pad_value, gives all three at once.",
         "정렬된 샘플에 같은 pad_value로 pad_collate를 다시 쓰면 세 가지가 한 번에 나옵니다."),
    )),
    "test_sorted_matches_pad_collate": H("SortedPadCollate는 pad_collate처럼 패딩합니다: pad_value(기본 0), (L, D) 시퀀스, dtype, "
                                         "int64 lengths와 labels", ("SortedPadCollate", "pad_collate"), (
        ("Apart from the order, every row must be what pad_collate gives: same pad_value, dtype and shapes.",
         "순서만 빼면 모든 행이 pad_collate의 결과와 같아야 합니다: 같은 pad_value, dtype, 모양입니다."),
        ("Keep the pad_value given to __init__ on self and use it in __call__; never modify the input samples.",
         "__init__에 받은 pad_value를 self에 두고 __call__에서 쓰세요. 입력 샘플은 절대 바꾸지 마세요."),
    )),
    "test_sorted_empty_batch": H("SortedPadCollate는 pad_collate처럼 빈 배치에 ValueError를 일으킵니다", ("SortedPadCollate",), (
        ("Check for an empty batch before sorting and raise ValueError with a message.",
         "정렬하기 전에 빈 배치인지 확인하고 메시지와 함께 ValueError를 일으키세요."),
    )),
    "test_sorted_picklable": H("SortedPadCollate는 pickle되고, 복원한 복사본도 원본처럼 배치를 묶습니다", ("SortedPadCollate",), (
        ("DataLoader workers may receive the collate_fn pickled: pickle can save an instance of a module-level class "
         "whose attributes are plain values, not lambdas or local functions.",
         "DataLoader 워커는 collate_fn을 pickle된 상태로 받을 수 있습니다: pickle은 속성이 단순한 값인 모듈 최상위 "
         "클래스의 인스턴스는 저장할 수 있지만, 람다나 지역 함수는 저장하지 못합니다."),
        ("Every setting the call needs (pad_value) must be an attribute, so that the copy behaves like the original.",
         "호출에 필요한 모든 설정(pad_value)은 속성이어야 복사본이 원본처럼 동작합니다."),
    )),
    "test_sorted_pack_padded_sequence": H("SortedPadCollate의 출력은 pack_padded_sequence(enforce_sorted=True)를 거쳐 되돌아옵니다",
                                          ("SortedPadCollate",), (
        ("pack_padded_sequence with enforce_sorted=True needs padded batch first, lengths in decreasing order, and one "
         "length per row of padded.",
         "enforce_sorted=True인 pack_padded_sequence에는 배치 우선 padded, 내림차순 lengths, padded의 행마다 길이 하나가 "
         "필요합니다."),
        ("lengths[i] must be the length of the sequence in row i, as a CPU int64 tensor.",
         "lengths[i]는 i번째 행에 있는 시퀀스의 길이여야 하고, CPU int64 텐서여야 합니다."),
    )),
    "test_make_loader_batches": H("make_loader는 배치가 pad_collate(batch, pad_value)인 DataLoader를 반환합니다",
                                  ("make_loader",), (
        _PASS_ON,
        ("The collate_fn must pad with the given pad_value: bind pad_value to pad_collate without a lambda (functools "
         "has a helper for that).",
         "collate_fn은 주어진 pad_value로 패딩해야 합니다: 람다 없이 pad_collate에 pad_value를 묶으세요 (functools에 그런 "
         "도구가 있습니다)."),
    )),
    "test_make_loader_num_workers": H("make_loader는 num_workers=2에서도 동작하고 같은 배치를 줍니다", ("make_loader",), (
        ("Pass num_workers on to the DataLoader.", "num_workers를 DataLoader에 넘기세요."),
        ("Worker processes may need to pickle the collate_fn: a lambda or a function defined inside make_loader cannot "
         "be pickled; a module-level function or a functools.partial of one can.",
         "워커 프로세스는 collate_fn을 pickle해야 할 수 있습니다: 람다나 make_loader 안에서 정의한 함수는 pickle할 수 "
         "없고, 모듈 최상위 함수나 그것의 functools.partial은 됩니다."),
    )),
    "test_make_loader_shuffle_generator": H("shuffle=True이면 순서는 주어진 generator에서 나오고 재현 가능합니다",
                                            ("make_loader",), (
        ("Pass shuffle on to the DataLoader, so that each epoch visits every item once in a random order.",
         "shuffle을 DataLoader에 넘기세요. 그러면 에포크마다 모든 항목을 무작위 순서로 한 번씩 방문합니다."),
        ("Pass the generator on too: the DataLoader's shuffling then draws from it instead of the global random state, "
         "so equally seeded generators give the same order.",
         "generator도 넘기세요: 그러면 DataLoader는 전역 난수 상태 대신 그 generator로 섞어서, 같은 시드의 generator는 "
         "같은 순서를 줍니다."),
    )),
    "test_make_loader_drop_last": H("make_loader는 drop_last를 따릅니다", ("make_loader",), (
        _PASS_ON,
        ("With drop_last=True the last, smaller batch is dropped; with False it is kept.",
         "drop_last=True이면 마지막의 작은 배치를 버리고, False이면 남깁니다."),
    )),
}

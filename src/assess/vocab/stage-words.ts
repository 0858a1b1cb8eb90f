// Stages of building work a count may be tied to. A report often counts the same things at
// several stages (`50处已全部开工建设,其中38处竣工`): a count tied to one stage is not the actual
// of a target that asks for another (a 开工 target is met by what has started, not by what is
// finished). `开竣工` names both.

export interface StageRow {
  stage: 'start' | 'finish';
  words: readonly string[];
}

export const STAGES: readonly StageRow[] = [
  { stage: 'start', words: ['开工', '开复工', '开竣工', '复工', '动工', '开建'] },
  { stage: 'finish', words: ['竣工', '完工', '建成', '交付', '投用', '投入使用', '投运', '落成'] },
];

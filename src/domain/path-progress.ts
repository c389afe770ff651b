import { PathStepProgressSchema, type PathProgress, type PathStepProgress } from './answers';

export type PathStepStatus = PathStepProgress['status'];

const NOTE_MAX_LENGTH = PathStepProgressSchema.shape.note.unwrap().maxLength ?? 2000;

export function readPathStepProgress(progress: PathProgress, toolId: string): PathStepProgress {
  return progress[toolId] ?? { status: 'todo' };
}

/** Sets a step's status and keeps its note. */
export function markPathStep(progress: PathProgress, toolId: string, status: PathStepStatus): PathProgress {
  return withStep(progress, toolId, { ...readPathStepProgress(progress, toolId), status });
}

/** Sets a step's note, cut to the length the answers file accepts; an empty note is removed. */
export function notePathStep(progress: PathProgress, toolId: string, note: string): PathProgress {
  const { note: _previous, ...rest } = readPathStepProgress(progress, toolId);
  const kept = note.slice(0, NOTE_MAX_LENGTH);
  return withStep(progress, toolId, kept.trim() === '' ? rest : { ...rest, note: kept });
}

// A step still "à faire" without a note says nothing: it is left out, so files stay as they were.
function withStep(progress: PathProgress, toolId: string, step: PathStepProgress): PathProgress {
  const { [toolId]: _previous, ...others } = progress;
  return step.status === 'todo' && step.note === undefined ? others : { ...others, [toolId]: step };
}

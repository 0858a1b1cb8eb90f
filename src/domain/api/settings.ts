// /api/settings: thresholds of the lights, the evidence size limit, what counts as published.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Strict } from './shared.js';

const tags = ['admin'];

export const Settings = Type.Object({
  lights: Type.Object({
    /** A `behind` task is yellow while it trails the time-proportional share by at most this many points. */
    yellowWithinPoints: Type.Number(),
  }),
  upload: Type.Object({ maxAttachmentMb: Type.Number() }),
  /** Publish only approved reports (default: submitted and approved ones). */
  publish: Type.Object({ approvedOnly: Type.Boolean() }),
});
export type Settings = Static<typeof Settings>;

/** Readable by every logged-in caller: the web app colours lights and checks uploads with it. */
export const get = { tags, summary: '设置', response: Answers(Settings) };

export const put = {
  tags,
  summary: '修改设置',
  body: Strict({
    lights: Type.Optional(Strict({ yellowWithinPoints: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) })),
    upload: Type.Optional(Strict({ maxAttachmentMb: Type.Optional(Type.Number({ minimum: 0.1, maximum: 50 })) })),
    publish: Type.Optional(Strict({ approvedOnly: Type.Optional(Type.Boolean()) })),
  }),
  response: Answers(Settings),
};

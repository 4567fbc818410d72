import { type Static, Type } from 'typebox';

// RFC 9457 problem details, the body of every error the API returns.
export const FieldError = Type.Object(
  {
    field: Type.String({ description: 'Path of the offending input, e.g. "body.emails.0.address"' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.Optional(Type.String({ description: 'Stable machine-readable error code' })),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { additionalProperties: false, $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;
export type FieldError = Static<typeof FieldError>;

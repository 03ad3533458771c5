import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { ruleOf } from '../auth/field-rule';
import { isPersonalId } from '../domain/personal-id';

/**
 * For each object type, whose personal data an object of that type is: one personal ID, several
 * (an audit record names everyone it is about), or none.
 */
export type DataSubjects = Record<string, (object: Record<string, unknown>) => string | readonly string[] | null | undefined>;

/** The subject of a person entity (Citizen, CivilServant): its key, whichever subgraph holds it. */
export const personalIdOf = (person: Record<string, unknown>): string | undefined => (typeof person.personalId === 'string' ? person.personalId : undefined);

/** Twelve digits standing alone: a personal ID wherever it is written (an actor, a note, a key). */
const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;

/** How deep a returned value is followed through fields without a rule of their own (connection → edges → node). */
const MAX_DEPTH = 4;

interface StructuralField {
  name: string;
  type: GraphQLOutputType;
}

/**
 * Finds everyone whose personal data a value carries: the data subject of every object a
 * personal-data field returns (a handler, a relative, a household member, the citizen of an
 * existence check), the subjects of the nodes a connection returns (its cursors encode their
 * keys), and every personal ID written in a string it returns (an actor's ID, an audit record's
 * reader). Fields that carry a rule of their own report themselves when they are resolved, so the
 * walk into a returned object follows only the fields without one (edges, nodes, page info).
 */
export class DataSubjectFinder {
  private readonly structural = new Map<string, StructuralField[]>();

  constructor(
    schema: GraphQLSchema,
    private readonly subjects: DataSubjects,
  ) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      this.structural.set(type.name, structuralFieldsOf(type));
    }
  }

  /** Notes the subject of the object a field was resolved on. */
  noteParent(typeName: string, parent: unknown, into: Set<string>): void {
    this.noteObject(typeName, parent, into);
  }

  /** Notes everyone a personal-data field's returned value carries. */
  noteReturned(value: unknown, type: GraphQLOutputType, into: Set<string>): void {
    this.walk(value, type, into, 0);
  }

  private walk(value: unknown, type: GraphQLOutputType, into: Set<string>, depth: number): void {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return this.walk(value, type.ofType, into, depth);
    if (isListType(type)) {
      if (Array.isArray(value)) for (const item of value) this.walk(item, type.ofType, into, depth);
      return;
    }
    // A string the field itself returns is scanned; strings deeper down (cursors) are covered by their nodes.
    if (isLeafType(type)) {
      if (depth === 0 && typeof value === 'string') for (const id of personalIdsIn(value)) into.add(id);
      return;
    }
    const named = getNamedType(type);
    if (!isObjectType(named)) return;
    this.noteObject(named.name, value, into);
    if (depth >= MAX_DEPTH) return;
    for (const field of this.structural.get(named.name) ?? []) {
      this.walk((value as Record<string, unknown>)[field.name], field.type, into, depth + 1);
    }
  }

  private noteObject(typeName: string, object: unknown, into: Set<string>): void {
    const subjectOf = this.subjects[typeName];
    if (!subjectOf || typeof object !== 'object' || object === null) return;
    const subject = subjectOf(object as Record<string, unknown>);
    for (const id of typeof subject === 'string' ? [subject] : (subject ?? [])) into.add(id);
  }
}

/** The personal IDs written in a text. */
export const personalIdsIn = (text: string): string[] => (text.match(TWELVE_DIGITS) ?? []).filter(isPersonalId);

function structuralFieldsOf(type: GraphQLObjectType): StructuralField[] {
  const typeDirectives = type.astNode?.directives ?? [];
  return Object.values(type.getFields())
    .filter((field) => !isLeafType(getNamedType(field.type)) && ruleOf([...typeDirectives, ...(field.astNode?.directives ?? [])]) === null)
    .map((field) => ({ name: field.name, type: field.type }));
}

import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** What one operation asks for once its fragments are expanded where they are spread. */
export interface OperationMeasures {
  /** Deepest field nesting; a root field is at depth 1. */
  depth: number;
  /** Fields given an alias, `__typename` included. */
  aliases: number;
  /** Fields selected at the root. */
  rootFields: number;
  /** Directives used on fields, fragment spreads and inline fragments. */
  directives: number;
  /** Fragment spreads, each counted every time its enclosing selection is expanded. */
  fragmentSpreads: number;
  /** Selected fields, `__typename` included. */
  fields: number;
}

/** The same figures for one selection set; `top` counts its fields that stand directly in it. */
interface SetMeasures extends Omit<OperationMeasures, 'rootFields'> {
  top: number;
}

const NOTHING: SetMeasures = { depth: 0, aliases: 0, directives: 0, fragmentSpreads: 0, fields: 0, top: 0 };

const add = (a: SetMeasures, b: SetMeasures): SetMeasures => ({
  depth: Math.max(a.depth, b.depth),
  aliases: a.aliases + b.aliases,
  directives: a.directives + b.directives,
  fragmentSpreads: a.fragmentSpreads + b.fragmentSpreads,
  fields: a.fields + b.fields,
  top: a.top + b.top,
});

/**
 * Measures every operation of a document in one pass over its text: each fragment is measured
 * once and its figures added at every spread, so 22 fragments each spreading the next twice
 * cost 22 measurements and report 2^22 spreads. Runs before validation, so it tolerates what
 * validation will refuse: a spread of an unknown fragment or a fragment cycle counts nothing.
 */
export class DocumentMeasures {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, SetMeasures>();

  constructor(private readonly document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  /** Each operation of the document with its measures. */
  operations(): { operation: OperationDefinitionNode; measures: OperationMeasures }[] {
    return this.document.definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
      const { top, ...measures } = this.selectionSet(definition.selectionSet);
      return [{ operation: definition, measures: { ...measures, rootFields: top } }];
    });
  }

  private selectionSet(set: SelectionSetNode): SetMeasures {
    let total = NOTHING;
    for (const selection of set.selections) {
      const directives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? this.selectionSet(selection.selectionSet) : NOTHING;
        total = add(total, {
          depth: inner.depth + 1,
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          directives: inner.directives + directives,
          fragmentSpreads: inner.fragmentSpreads,
          fields: inner.fields + 1,
          top: 1,
        });
      } else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? this.selectionSet(selection.selectionSet) : this.fragment(selection.name.value);
        const spreads = selection.kind === Kind.FRAGMENT_SPREAD ? 1 : 0;
        total = add(total, { ...inner, directives: inner.directives + directives, fragmentSpreads: inner.fragmentSpreads + spreads });
      }
    }
    return total;
  }

  private fragment(name: string): SetMeasures {
    const known = this.measured.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Marked before descending, so a cycle (which validation refuses) ends here.
    this.measured.set(name, NOTHING);
    if (!definition) return NOTHING;
    const measures = this.selectionSet(definition.selectionSet);
    this.measured.set(name, measures);
    return measures;
  }
}

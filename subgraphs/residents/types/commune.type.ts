import { Field, ObjectType } from 'type-graphql';
import { CommuneKind } from './commune-kind.type';

@ObjectType({ description: 'A commune-level unit (xã, phường or đặc khu) inside a province.' })
export class Commune {
  @Field({ description: '5-digit commune code, unique nationally.' })
  code!: string;

  @Field({ description: 'Name of the commune with its kind, e.g. "Phường Tân Bình".' })
  name!: string;

  @Field(() => CommuneKind, { description: 'Whether it is a xã, a phường or an đặc khu.' })
  kind!: CommuneKind;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'One of the 63 provinces in force before the 2025 merger. Their 3-digit codes stay in use: they open every personal ID (place of birth registration) and name hometowns (quê quán).',
})
export class LegacyProvince {
  @Field({ description: '3-digit legacy code, e.g. "001" for Hà Nội.' })
  code!: string;

  @Field({ description: 'Name of the legacy province, e.g. "Hà Giang".' })
  name!: string;
}

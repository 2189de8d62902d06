import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import {
  fictionalStatesAdmitted,
  knownStates,
  unLanguageSchema,
  unStateNameOf,
  type UnLanguage,
  type UnStateStatus,
} from '@reprisals/un-states';
import { z } from 'zod';

const listStatesQuerySchema = z.strictObject({
  language: unLanguageSchema
    .default('en')
    .describe('One of the six UN languages; a State without a name in it is named in English'),
});

type ListStatesQuery = z.infer<typeof listStatesQuerySchema>;

export interface UnStateView {
  /** ISO 3166-1 alpha-3: what `stateConcerned` takes. */
  code: string;
  alpha2: string;
  status: UnStateStatus;
  name: string;
}

export interface UnStatesView {
  language: UnLanguage;
  states: UnStateView[];
}

/**
 * The States an allegation can concern, named and ordered for a language: the UN's, and in demo
 * mode the fictional ones the process admitted at start (the cache is kept per admission).
 */
const viewsByLanguage = new Map<string, UnStateView[]>();

function statesIn(language: UnLanguage): UnStateView[] {
  const key = `${language}:${fictionalStatesAdmitted()}`;
  let views = viewsByLanguage.get(key);
  if (!views) {
    const collator = new Intl.Collator(language);
    views = knownStates()
      .map((state) => ({
        code: state.alpha3,
        alpha2: state.alpha2,
        status: state.status,
        name: unStateNameOf(state, language),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
    viewsByLanguage.set(key, views);
  }
  return views;
}

@ApiTags('intake')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('intake/states')
export class ListStatesController {
  @Get()
  @RequirePermission('allegation:read')
  @ApiOperation({
    summary:
      'The UN Member and Observer States an allegation can concern, named in one of the six UN languages',
  })
  @ApiZodQuery(listStatesQuerySchema)
  @ApiOkResponse({ description: 'The States, in the alphabetical order of the language' })
  list(@Query(new ZodValidationPipe(listStatesQuerySchema)) query: ListStatesQuery): UnStatesView {
    return { language: query.language, states: statesIn(query.language) };
  }
}

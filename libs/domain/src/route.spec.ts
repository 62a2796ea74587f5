import { UW_KENMERK_PATTERN } from './nota';
import { buildRouteTemplate, firstStage, routeChoiceOf, routeChoiceProblems, type RouteChoice } from './route';

describe(buildRouteTemplate.name, () => {
  const choice = {
    reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
    ministerraad: true,
  };

  it('orders the stages of the design card, each with its service level', () => {
    const sut = buildRouteTemplate(choice);
    expect(sut.stages.map((s) => s.stage)).toEqual([
      'initialling',
      'decision',
      'co-signing',
      'ministerraad',
      'dispatch',
    ]);
    expect(sut.stages[0]).toMatchObject({ slaWorkingDays: 2, reviewers: choice.reviewers });
    expect(sut.coSignersReapproveAfterNewVersion).toBe(true);
  });

  it('leaves out the stages a route does not have', () => {
    const sut = buildRouteTemplate({ ...choice, reviewers: [], coSigners: [], ministerraad: false });
    expect(sut.stages.map((s) => s.stage)).toEqual(['decision', 'dispatch']);
    expect(firstStage(sut)).toBe('decision');
  });

  it('reads back as the choice it was built from, with the order it runs in', () => {
    expect(routeChoiceOf(buildRouteTemplate(choice))).toEqual({
      ...choice,
      coSignersReapproveAfterNewVersion: true,
      stages: ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'],
    });
  });

  it('runs the stages in the order the route names them (seed 002: the ministerraad before the decision)', () => {
    const sut = buildRouteTemplate({
      ...choice,
      stages: ['initialling', 'ministerraad', 'decision', 'co-signing', 'dispatch'],
    });
    expect(sut.stages.map((s) => s.stage)).toEqual([
      'initialling',
      'ministerraad',
      'decision',
      'co-signing',
      'dispatch',
    ]);
    expect(routeChoiceOf(sut).stages).toEqual(['initialling', 'ministerraad', 'decision', 'co-signing', 'dispatch']);
  });

  it('gives a ministry its own term and leaves the template of a route without one as it always was', () => {
    const own = buildRouteTemplate({ ...choice, coSigningDueWorkingDays: { VWS: 15, BZ: 5 } });
    expect(own.stages[2]).toEqual({
      stage: 'co-signing',
      ministries: ['VWS', 'BZ', 'BHO', 'SZW'],
      slaWorkingDays: 10,
      reminderWorkingDaysBefore: 2,
      slaWorkingDaysByMinistry: { VWS: 15, BZ: 5 },
    });
    expect(routeChoiceOf(own).coSigningDueWorkingDays).toEqual({ VWS: 15, BZ: 5 });
    expect(Object.keys(buildRouteTemplate(choice).stages[2])).not.toContain('slaWorkingDaysByMinistry');
  });

  it('copies the lists: a later change to the choice does not reach the snapshot', () => {
    const reviewers = ['jenv.dg'];
    const sut = buildRouteTemplate({ ...choice, reviewers });
    reviewers.push('jenv.directeur');
    expect(routeChoiceOf(sut).reviewers).toEqual(['jenv.dg']);
  });
});

describe(routeChoiceProblems.name, () => {
  const choice: RouteChoice = {
    reviewers: ['jenv.dg'],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ'],
    ministerraad: false,
  };
  const codes = (overrides: Partial<RouteChoice>) =>
    routeChoiceProblems({ ...choice, ...overrides }).map((p) => [p.name, p.code, p.params?.value]);

  it('takes any order that names each stage of the route once, dispatch last', () => {
    expect(codes({ stages: ['initialling', 'co-signing', 'decision', 'dispatch'] })).toEqual([]);
    expect(codes({ stages: ['co-signing', 'decision', 'initialling', 'dispatch'] })).toEqual([]);
    expect(codes({})).toEqual([]);
  });

  it('refuses a stage twice, dispatch before the end, and a stage without its people', () => {
    expect(codes({ stages: ['initialling', 'decision', 'decision', 'co-signing', 'dispatch'] })).toEqual([
      ['route.stages[2]', 'duplicate', 'decision'],
    ]);
    expect(codes({ stages: ['initialling', 'dispatch', 'decision', 'co-signing'] })).toEqual([
      ['route.stages[1]', 'dispatch_not_last', undefined],
    ]);
    expect(codes({ stages: ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'] })).toEqual([
      ['route.stages[3]', 'stage_without_participants', 'ministerraad'],
    ]);
  });

  it('refuses an order that leaves out the decision, the dispatch or a stage the route has people for', () => {
    expect(codes({ stages: ['initialling', 'co-signing', 'dispatch'] })).toEqual([
      ['route.stages', 'stage_missing', 'decision'],
    ]);
    expect(codes({ stages: ['initialling', 'decision', 'dispatch'] })).toEqual([
      ['route.stages', 'stage_missing', 'co-signing'],
    ]);
    expect(codes({ stages: ['initialling', 'co-signing', 'decision'] })).toEqual([
      ['route.stages', 'stage_missing', 'dispatch'],
    ]);
  });

  it('takes a term only for a ministry that co-signs, in whole working days from 1 to 250', () => {
    expect(codes({ coSigningDueWorkingDays: { VWS: 10, BZ: 250 } })).toEqual([]);
    expect(codes({ coSigningDueWorkingDays: { SZW: 10, VWS: 0, BZ: 2.5 } })).toEqual([
      ['route.coSigningDueWorkingDays.SZW', 'not_a_co_signer', 'SZW'],
      ['route.coSigningDueWorkingDays.VWS', 'out_of_range', undefined],
      ['route.coSigningDueWorkingDays.BZ', 'out_of_range', undefined],
    ]);
  });
});

describe('UW_KENMERK_PATTERN', () => {
  it.each(['2023Z13980/2023D36886', '2023Z13980', '2023D36886'])('accepts %s', (value) => {
    expect(UW_KENMERK_PATTERN.test(value)).toBe(true);
  });
  it.each(['2023D36886/2023Z13980', '2023Z1398', '23Z13980', '2023Z13980/', '2023-13980'])('refuses %s', (value) => {
    expect(UW_KENMERK_PATTERN.test(value)).toBe(false);
  });
});

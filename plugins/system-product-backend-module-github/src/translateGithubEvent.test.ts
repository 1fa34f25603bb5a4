import { githubExample } from './__testUtils__/githubExamples';
import { translateGithubEvent } from './translateGithubEvent';

// The published examples are of Codertocat/Hello-World, but for the
// workflow runs, which are of octo-org/octo-repo.
const HELLO_WORLD = { source: 'github', key: 'Codertocat/Hello-World' };
const OCTO_REPO = { source: 'github', key: 'octo-org/octo-repo' };

describe('push', () => {
  const branchPush = () =>
    githubExample('push', p => p.ref === 'refs/heads/master');

  it('gives the time of the pushed commit, once though it is the head commit too', () => {
    expect(translateGithubEvent('push', branchPush())).toEqual({
      subject: HELLO_WORLD,
      events: [
        {
          type: 'commit',
          sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          time: '2019-05-15T15:19:25Z',
        },
      ],
    });
  });

  it('gives every commit of a push of several', () => {
    const push = branchPush();
    push.commits.unshift({
      ...push.commits[0],
      id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      timestamp: '2019-05-15T14:02:10Z',
    });
    expect(translateGithubEvent('push', push)?.events).toEqual([
      {
        type: 'commit',
        sha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
        time: '2019-05-15T14:02:10Z',
      },
      {
        type: 'commit',
        sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        time: '2019-05-15T15:19:25Z',
      },
    ]);
  });

  it('gives the head commit of a tag push, which lists no commits', () => {
    const tag = githubExample('push', p => p.created && p.head_commit !== null);
    expect(tag.commits).toEqual([]);
    expect(translateGithubEvent('push', tag)?.events).toEqual([
      {
        type: 'commit',
        sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        time: '2019-05-15T15:20:41Z',
      },
    ]);
  });

  it('ignores the push that deletes a ref, which has no commit', () => {
    const deletion = githubExample('push', p => p.deleted);
    expect(translateGithubEvent('push', deletion)).toBeUndefined();
  });
});

describe('deployment_status', () => {
  const status = () =>
    githubExample('deployment_status', p => !('workflow_run' in p));
  const pagesStatus = () =>
    githubExample('deployment_status', p => 'workflow_run' in p);

  it('gives a successful deployment at the time of its status, naming its commit', () => {
    expect(translateGithubEvent('deployment_status', status())).toEqual({
      subject: HELLO_WORLD,
      events: [
        {
          type: 'deployment',
          id: 'github:codertocat/hello-world:deployment:145988746',
          // deployment_status.created_at; the deployment was created 2 s before.
          deployTime: '2019-05-15T15:20:55Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        },
      ],
      // deployment.creator
      actorLogin: 'Codertocat',
    });
  });

  it.each(['failure', 'error'] as const)(
    'gives a failed deployment for the state %s',
    state => {
      const payload = status();
      payload.deployment_status.state = state;
      expect(
        translateGithubEvent('deployment_status', payload)?.events,
      ).toEqual([
        expect.objectContaining({
          id: 'github:codertocat/hello-world:deployment:145988746',
          succeeded: false,
        }),
      ]);
    },
  );

  // GitHub's states; the published types lack inactive.
  it.each(['pending', 'queued', 'in_progress', 'waiting', 'inactive'])(
    'ignores the state %s, which is no outcome',
    state => {
      const payload = status();
      Object.assign(payload.deployment_status, { state });
      expect(
        translateGithubEvent('deployment_status', payload),
      ).toBeUndefined();
    },
  );

  it('ignores the in_progress status of the published Pages example', () => {
    expect(
      translateGithubEvent('deployment_status', pagesStatus()),
    ).toBeUndefined();
  });

  it('names the workflow that deployed as the pipeline when the payload has one', () => {
    const payload = pagesStatus();
    payload.deployment_status.state = 'success';
    expect(translateGithubEvent('deployment_status', payload)?.events).toEqual([
      {
        type: 'deployment',
        id: 'github:codertocat/hello-world:deployment:145988746',
        deployTime: '2022-01-03T01:28:40Z',
        succeeded: true,
        environment: 'github-pages',
        pipeline: 'pages build and deployment',
        commitSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      },
    ]);
  });

  it("takes the deployment's environment when the status names none", () => {
    const payload: any = status();
    delete payload.deployment_status.environment;
    payload.deployment.environment = 'staging';
    expect(
      translateGithubEvent('deployment_status', payload)?.events[0],
    ).toMatchObject({ environment: 'staging' });
  });

  it('writes the environment in lower case, so Production is production', () => {
    const payload: any = status();
    payload.deployment_status.environment = 'Production';
    expect(
      translateGithubEvent('deployment_status', payload)?.events[0],
    ).toMatchObject({ environment: 'production' });
  });
});

describe('workflow_run', () => {
  const completedRun = () =>
    githubExample(
      'workflow_run',
      p => p.action === 'completed' && p.workflow_run.conclusion === 'success',
    );
  /** The completed run with known times: 4 min 30 s. */
  const timedRun = () => {
    const payload = completedRun();
    payload.workflow_run.run_started_at = '2026-12-01T10:00:00Z';
    payload.workflow_run.updated_at = '2026-12-01T10:04:30Z';
    return payload;
  };
  const headCommit = {
    type: 'commit',
    sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
    time: '2020-10-05T16:32:07Z',
  };

  it('gives a build per attempt, from its start to its last update, and its head commit', () => {
    expect(translateGithubEvent('workflow_run', timedRun())).toEqual({
      subject: OCTO_REPO,
      events: [
        {
          type: 'build',
          id: 'github:octo-org/octo-repo:workflow_run:289782451:1',
          finished: '2026-12-01T10:04:30Z',
          succeeded: true,
          durationSeconds: 4 * 60 + 30,
          // The example's run has name "", so the workflow's name it is.
          pipeline: 'test',
        },
        headCommit,
      ],
      // workflow_run.triggering_actor
      actorLogin: 'Codertocat',
    });
  });

  it("names the build's pipeline after the run's workflow name", () => {
    const payload = timedRun();
    payload.workflow_run.name = 'CI';
    payload.workflow_run.run_attempt = 2;
    expect(translateGithubEvent('workflow_run', payload)?.events[0]).toEqual(
      expect.objectContaining({
        id: 'github:octo-org/octo-repo:workflow_run:289782451:2',
        pipeline: 'CI',
      }),
    );
  });

  // GitHub's conclusions; the published types lack startup_failure.
  it.each(['failure', 'timed_out', 'startup_failure'])(
    'gives a failed build for the conclusion %s',
    conclusion => {
      const payload = timedRun();
      Object.assign(payload.workflow_run, { conclusion });
      expect(translateGithubEvent('workflow_run', payload)?.events).toEqual([
        expect.objectContaining({ type: 'build', succeeded: false }),
        headCommit,
      ]);
    },
  );

  it.each([
    'cancelled',
    'skipped',
    'neutral',
    'action_required',
    'stale',
  ] as const)(
    'gives no build for the conclusion %s, only the head commit',
    conclusion => {
      const payload = timedRun();
      payload.workflow_run.conclusion = conclusion;
      expect(translateGithubEvent('workflow_run', payload)?.events).toEqual([
        headCommit,
      ]);
    },
  );

  it('gives only the head commit of the completed example without a conclusion', () => {
    const payload = githubExample(
      'workflow_run',
      p => p.action === 'completed' && p.workflow_run.conclusion === null,
    );
    expect(translateGithubEvent('workflow_run', payload)).toEqual({
      subject: HELLO_WORLD,
      events: [
        {
          type: 'commit',
          sha: '5779607b49aab1200488439f02372c57b4f75444',
          time: '2021-12-16T19:37:14Z',
        },
      ],
    });
  });

  it('ignores a run that is requested', () => {
    const requested = githubExample(
      'workflow_run',
      p => p.action === 'requested',
    );
    expect(translateGithubEvent('workflow_run', requested)).toBeUndefined();
  });
});

describe('issues', () => {
  /** The published example of `action`, its issue labelled `incident` too. */
  const incidentIssue = (action: string) => {
    const payload: any = githubExample('issues', p => p.action === action);
    payload.issue.labels.push({ ...payload.issue.labels[0], name: 'incident' });
    return payload;
  };
  const incident = {
    type: 'incident',
    id: 'github:codertocat/hello-world:issue:1',
    started: '2019-05-15T15:20:18Z',
  };

  it.each(['opened', 'labeled', 'edited'])(
    'gives an open incident from its creation when an incident issue is %s',
    action => {
      expect(translateGithubEvent('issues', incidentIssue(action))).toEqual({
        subject: HELLO_WORLD,
        events: [incident],
        // issue.user
        actorLogin: 'Codertocat',
      });
    },
  );

  it('resolves the incident when its issue is closed', () => {
    // No closed example is published: the opened one, as GitHub sends it when closed.
    const payload = incidentIssue('opened');
    payload.action = 'closed';
    payload.issue.state = 'closed';
    payload.issue.closed_at = '2019-05-15T17:45:00Z';
    expect(translateGithubEvent('issues', payload)?.events).toEqual([
      { ...incident, resolved: '2019-05-15T17:45:00Z' },
    ]);
  });

  it('does not resolve an open issue that was closed once', () => {
    // As after a reopening: the example of one keeps its closed_at.
    const reopened = incidentIssue('reopened');
    expect(reopened.issue.closed_at).toBe('2021-07-05T18:07:10Z');
    reopened.action = 'edited';
    expect(translateGithubEvent('issues', reopened)?.events).toEqual([
      {
        type: 'incident',
        id: 'github:codertocat/hello-world:issue:1',
        started: '2021-07-05T18:05:24Z',
      },
    ]);
  });

  it('takes the label in any letter case', () => {
    const payload = incidentIssue('opened');
    payload.issue.labels[1].name = 'Incident';
    expect(translateGithubEvent('issues', payload)?.events).toEqual([incident]);
  });

  it('ignores issues without the incident label', () => {
    const bug = githubExample('issues', p => p.action === 'opened');
    expect(translateGithubEvent('issues', bug)).toBeUndefined();
  });

  it.each(['reopened', 'unlabeled', 'assigned', 'deleted'])(
    'ignores the action %s',
    action => {
      expect(
        translateGithubEvent('issues', incidentIssue(action)),
      ).toBeUndefined();
    },
  );
});

describe('the person behind the events', () => {
  const deploymentStatus = () =>
    githubExample('deployment_status', p => !('workflow_run' in p));
  /** The published Pages deployment, finished: github-pages[bot] created it. */
  const pagesDeployment = () => {
    const payload = githubExample(
      'deployment_status',
      p => 'workflow_run' in p,
    );
    payload.deployment_status.state = 'success';
    return payload;
  };
  const completedRun = () =>
    githubExample(
      'workflow_run',
      p => p.action === 'completed' && p.workflow_run.conclusion === 'success',
    );
  const incidentIssue = (action: string) => {
    const payload: any = githubExample('issues', p => p.action === action);
    payload.issue.labels.push({ name: 'incident' });
    return payload;
  };
  const loginOf = (eventName: string, payload: unknown) =>
    translateGithubEvent(eventName, payload)?.actorLogin;

  it('is the creator of a deployment', () => {
    const payload = deploymentStatus();
    payload.sender.login = 'monalisa'; // who posted the status
    expect(payload.deployment.creator.login).toBe('Codertocat');
    expect(loginOf('deployment_status', payload)).toBe('Codertocat');
  });

  it('is who triggered the run that deployed, when an app created the deployment', () => {
    const payload = pagesDeployment();
    expect(payload.deployment.creator).toMatchObject({
      login: 'github-pages[bot]',
      type: 'Bot',
    });
    payload.workflow_run!.triggering_actor.login = 'monalisa';
    expect(loginOf('deployment_status', payload)).toBe('monalisa');
  });

  it("is who triggered a run's attempt, so a re-run is the re-runner's", () => {
    const payload = completedRun();
    expect(loginOf('workflow_run', payload)).toBe('Codertocat');
    payload.workflow_run.run_attempt = 2;
    payload.workflow_run.triggering_actor.login = 'monalisa';
    expect(loginOf('workflow_run', payload)).toBe('monalisa');
  });

  it('is who triggered the run when a bot re-ran it', () => {
    const payload: any = completedRun();
    payload.workflow_run.triggering_actor = {
      ...payload.workflow_run.triggering_actor,
      login: 'dependabot[bot]',
      type: 'Bot',
    };
    expect(loginOf('workflow_run', payload)).toBe('Codertocat');
  });

  it('is who opened an incident issue, not who closed it', () => {
    const payload = incidentIssue('opened');
    payload.action = 'closed';
    payload.issue.state = 'closed';
    payload.issue.closed_at = '2019-05-15T17:45:00Z';
    payload.sender.login = 'monalisa';
    expect(loginOf('issues', payload)).toBe('Codertocat');
  });

  it("is the webhook's sender when the issue's author is an organization", () => {
    // The published transfer: the issue's user is the organization octo-org.
    const payload = incidentIssue('transferred');
    expect(payload.issue.user).toMatchObject({
      login: 'octo-org',
      type: 'Organization',
    });
    payload.action = 'edited';
    expect(loginOf('issues', payload)).toBe('Codertocat');
  });

  it('is nobody when only bots name it', () => {
    const payload: any = deploymentStatus();
    const bot = { ...payload.sender, login: 'argocd[bot]', type: 'Bot' };
    payload.deployment.creator = bot;
    payload.sender = bot;
    expect(translateGithubEvent('deployment_status', payload)).toMatchObject({
      events: [expect.objectContaining({ type: 'deployment' })],
    });
    expect(loginOf('deployment_status', payload)).toBeUndefined();
  });

  it("is nobody whose login is an app's, whatever its type", () => {
    const payload: any = deploymentStatus();
    payload.deployment.creator.login = 'renovate[bot]';
    payload.sender.login = 'renovate[bot]';
    expect(loginOf('deployment_status', payload)).toBeUndefined();
  });

  it('is nobody for a push, which gives only commits', () => {
    const push = githubExample('push', p => p.ref === 'refs/heads/master');
    expect(push.pusher.name).toBe('Codertocat');
    expect(loginOf('push', push)).toBeUndefined();
  });

  it('is nobody for a run that gives only its head commit', () => {
    const payload = completedRun();
    payload.workflow_run.conclusion = 'cancelled';
    expect(loginOf('workflow_run', payload)).toBeUndefined();
  });
});

describe('other webhooks', () => {
  it('ignores a ping', () => {
    expect(
      translateGithubEvent(
        'ping',
        githubExample('ping', p => 'repository' in p),
      ),
    ).toBeUndefined();
  });

  it('ignores events it does not map', () => {
    expect(
      translateGithubEvent('deployment', githubExample('deployment')),
    ).toBeUndefined();
  });

  it('ignores a payload without a repository', () => {
    const push: any = githubExample('push', p => p.ref === 'refs/heads/master');
    delete push.repository;
    expect(translateGithubEvent('push', push)).toBeUndefined();
    expect(translateGithubEvent('push', undefined)).toBeUndefined();
  });
});

import { translateGitlabEvent } from './translateGitlabEvent';
import deploymentHook from './__fixtures__/deployment-hook.json';
import pipelineHook from './__fixtures__/pipeline-hook.json';

/** The documented pipeline example with some `object_attributes` changed. */
const pipeline = (attributes: object, rest: object = {}) => ({
  ...pipelineHook,
  object_attributes: { ...pipelineHook.object_attributes, ...attributes },
  ...rest,
});

/** The documented deployment example with some fields changed. */
const deployment = (fields: object) => ({ ...deploymentHook, ...fields });

const PIPELINE_SUBJECT = { source: 'gitlab', key: 'gitlab-org/gitlab-test' };
const PIPELINE_ID = 'gitlab:gitlab-org/gitlab-test:pipeline:31';
// commit.timestamp 2016-08-12T17:23:21+02:00 is 15:23:21 in UTC.
const COMMIT = {
  type: 'commit',
  sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
  time: '2016-08-12T15:23:21.000Z',
};
const DEPLOYMENT_SUBJECT = {
  source: 'gitlab',
  key: 'root/test-deployment-webhooks',
};
const DEPLOYED_SHA = '279484c09fbe69ededfced8c1bb6e6d24616b468';

describe('translateGitlabEvent: Pipeline Hook', () => {
  it('turns the documented successful pipeline into a build and its commit', () => {
    expect(translateGitlabEvent(pipelineHook)).toEqual({
      subject: PIPELINE_SUBJECT,
      events: [
        {
          type: 'build',
          id: PIPELINE_ID,
          finished: '2016-08-12T15:26:29.000Z',
          succeeded: true,
          durationSeconds: 63,
          pipeline: 'Pipeline for branch: master',
        },
        COMMIT,
      ],
      ignored: [],
      // user.username, at the GitLab URL of project.web_url
      actorUser: { username: 'root', webUrl: 'http://192.168.64.1:3005/root' },
    });
  });

  it('records a failed pipeline as a build that did not succeed', () => {
    const { events } = translateGitlabEvent(pipeline({ status: 'failed' }));
    expect(events[0]).toMatchObject({
      type: 'build',
      id: PIPELINE_ID,
      succeeded: false,
    });
  });

  it.each([
    ['created', /has not finished/],
    ['pending', /has not finished/],
    ['running', /has not finished/],
    ['waiting_for_resource', /has not finished/],
    ['preparing', /has not finished/],
    ['waiting_for_callback', /has not finished/],
    ['scheduled', /has not finished/],
    ['canceling', /has not finished/],
    ['manual', /waits for someone to start a manual job/],
    ['canceled', /neither passed nor failed/],
    ['skipped', /ran no job/],
    ['something_new', /is not one this module knows/],
    ['constructor', /is not one this module knows/],
  ])(
    'records no build of a pipeline with status %s, but its commit',
    (status, reason) => {
      const result = translateGitlabEvent(
        pipeline({ status, finished_at: null, duration: null }),
      );
      expect(result.subject).toEqual(PIPELINE_SUBJECT);
      expect(result.events).toEqual([COMMIT]);
      expect(result.ignored).toHaveLength(1);
      expect(result.ignored[0]).toContain(
        `pipeline 31 of gitlab-org/gitlab-test: status ${status}`,
      );
      expect(result.ignored[0]).toMatch(reason);
    },
  );

  it('takes the time from created_at to finished_at when GitLab gives no duration', () => {
    const { events } = translateGitlabEvent(pipeline({ duration: null }));
    // 15:23:28 to 15:26:29 UTC: 3 minutes and 1 second.
    expect(events[0]).toMatchObject({ durationSeconds: 3 * 60 + 1 });
  });

  it('records no build when neither the duration nor the start is known', () => {
    const result = translateGitlabEvent(
      pipeline({ duration: null, created_at: null }),
    );
    expect(result.events).toEqual([COMMIT]);
    expect(result.ignored[0]).toMatch(/how long it ran cannot be known/);
  });

  it('records no build of a finished pipeline without finished_at', () => {
    const result = translateGitlabEvent(pipeline({ finished_at: null }));
    expect(result.events).toEqual([COMMIT]);
    expect(result.ignored[0]).toMatch(/when it finished cannot be known/);
  });

  it('records no build without a pipeline id to make a stable event id of', () => {
    const result = translateGitlabEvent(pipeline({ id: undefined }));
    expect(result.events).toEqual([COMMIT]);
    expect(result.ignored[0]).toMatch(/no object_attributes.id/);
  });

  it('names the pipeline after the project when it has no name', () => {
    const { events } = translateGitlabEvent(pipeline({ name: null }));
    expect(events[0]).toMatchObject({ pipeline: 'gitlab-org/gitlab-test' });
  });

  it('lower-cases the project in the event id, not in the subject', () => {
    const result = translateGitlabEvent(
      pipeline(
        {},
        {
          project: {
            ...pipelineHook.project,
            path_with_namespace: 'Gitlab-Org/Gitlab-Test',
          },
        },
      ),
    );
    expect(result.subject).toEqual({
      source: 'gitlab',
      key: 'Gitlab-Org/Gitlab-Test',
    });
    expect(result.events[0]).toMatchObject({ id: PIPELINE_ID });
  });

  it('records only the build when the pipeline names no commit', () => {
    const result = translateGitlabEvent(pipeline({}, { commit: null }));
    expect(result.events.map(e => e.type)).toEqual(['build']);
    expect(result.ignored[0]).toMatch(/no commit time is recorded/);
  });
});

describe('translateGitlabEvent: Deployment Hook', () => {
  it('turns the documented successful deployment into a deployment of the sha in commit_url', () => {
    expect(translateGitlabEvent(deploymentHook)).toEqual({
      subject: DEPLOYMENT_SUBJECT,
      events: [
        {
          type: 'deployment',
          id: 'gitlab:root/test-deployment-webhooks:deployment:15',
          // 21:50:00 +0200 is 19:50:00 in UTC.
          deployTime: '2021-04-28T19:50:00.000Z',
          succeeded: true,
          environment: 'staging',
          commitSha: DEPLOYED_SHA,
        },
      ],
      ignored: [],
      // user.username and user_url
      actorUser: { username: 'root', webUrl: 'http://10.126.0.2:3000/root' },
    });
  });

  it('records a failed deployment as one that did not succeed', () => {
    const { events } = translateGitlabEvent(deployment({ status: 'failed' }));
    expect(events).toEqual([
      expect.objectContaining({ type: 'deployment', succeeded: false }),
    ]);
  });

  it.each([
    ['running', /has not finished/],
    ['created', /has not finished/],
    ['canceled', /neither succeeded nor failed/],
    ['blocked', /waits for an approval/],
    ['skipped', /never ran/],
    ['something_new', /is not one this module knows/],
    ['toString', /is not one this module knows/],
  ])('records nothing of a deployment with status %s', (status, reason) => {
    const result = translateGitlabEvent(deployment({ status }));
    expect(result.subject).toEqual(DEPLOYMENT_SUBJECT);
    expect(result.events).toEqual([]);
    expect(result.ignored).toEqual([
      expect.stringContaining(
        `deployment 15 of root/test-deployment-webhooks: status ${status}`,
      ),
    ]);
    expect(result.ignored[0]).toMatch(reason);
  });

  it("reports GitLab's tier as the environment, so that prod counts as production", () => {
    const { events } = translateGitlabEvent(
      deployment({ environment: 'prod', environment_tier: 'production' }),
    );
    expect(events[0]).toMatchObject({ environment: 'production' });
  });

  it('reports the environment name when GitLab sends no tier', () => {
    const { events } = translateGitlabEvent(
      deployment({ environment: 'prod', environment_tier: undefined }),
    );
    expect(events[0]).toMatchObject({ environment: 'prod' });
  });

  it.each([
    [
      'commit_url ends in another sha than short_sha',
      { short_sha: 'deadbeef' },
    ],
    [
      'commit_url ends in a short sha',
      {
        commit_url:
          'http://10.126.0.2:3000/root/test-deployment-webhooks/-/commit/279484c0',
      },
    ],
    [
      'commit_url is no commit page',
      {
        commit_url: `http://10.126.0.2:3000/root/test-deployment-webhooks/-/tree/${DEPLOYED_SHA}`,
      },
    ],
    ['there is no commit_url', { commit_url: null }],
  ])('leaves the commit unknown when %s', (_, fields) => {
    const { events } = translateGitlabEvent(deployment(fields));
    expect(events).toHaveLength(1);
    expect(events[0]).not.toHaveProperty('commitSha');
  });

  it('takes the sha from commit_url when GitLab sends no short_sha', () => {
    const { events } = translateGitlabEvent(
      deployment({ short_sha: undefined }),
    );
    expect(events[0]).toMatchObject({ commitSha: DEPLOYED_SHA });
  });

  it('records nothing without a deployment id to make a stable event id of', () => {
    const result = translateGitlabEvent(deployment({ deployment_id: null }));
    expect(result.events).toEqual([]);
    expect(result.ignored[0]).toMatch(/no deployment_id/);
  });

  it('records nothing without a readable status_changed_at', () => {
    const result = translateGitlabEvent(
      deployment({ status_changed_at: 'yesterday' }),
    );
    expect(result.events).toEqual([]);
    expect(result.ignored[0]).toMatch(/when it finished cannot be known/);
  });
});

describe('translateGitlabEvent: the user behind the events', () => {
  it('is who triggered the pipeline, at the GitLab URL of the project', () => {
    expect(pipelineHook.user.username).toBe('root');
    expect(pipelineHook.project.web_url).toBe(
      'http://192.168.64.1:3005/gitlab-org/gitlab-test',
    );
    expect(translateGitlabEvent(pipelineHook).actorUser).toEqual({
      username: 'root',
      webUrl: 'http://192.168.64.1:3005/root',
    });
  });

  it('keeps the path of a GitLab served under a relative URL', () => {
    const hook = pipeline(
      {},
      {
        project: {
          ...pipelineHook.project,
          web_url: 'https://example.com/gitlab/gitlab-org/gitlab-test',
        },
      },
    );
    expect(translateGitlabEvent(hook).actorUser).toEqual({
      username: 'root',
      webUrl: 'https://example.com/gitlab/root',
    });
  });

  it("is who deployed, at the hook's user_url", () => {
    const hook = deployment({
      user: { ...deploymentHook.user, username: 'jane' },
      user_url: 'http://10.126.0.2:3000/jane',
    });
    expect(translateGitlabEvent(hook).actorUser).toEqual({
      username: 'jane',
      webUrl: 'http://10.126.0.2:3000/jane',
    });
  });

  it('takes the profile from the project when a deployment has no user_url', () => {
    const hook = deployment({ user_url: undefined });
    expect(translateGitlabEvent(hook).actorUser).toEqual({
      username: 'root',
      webUrl: 'http://10.126.0.2:3000/root',
    });
  });

  it.each(['project_30_bot', 'project_30_bot1', 'group_7_bot_3f9a2c1d8e'])(
    'is nobody for the access token bot %s',
    username => {
      const hook = deployment({
        user: { ...deploymentHook.user, username },
        user_url: `http://10.126.0.2:3000/${username}`,
      });
      expect(translateGitlabEvent(hook).events).toHaveLength(1);
      expect(translateGitlabEvent(hook).actorUser).toBeUndefined();
    },
  );

  it('is nobody for a hook without a user', () => {
    expect(
      translateGitlabEvent(deployment({ user: null })).actorUser,
    ).toBeUndefined();
  });

  it('is nobody for a pipeline that gives only its commit', () => {
    const running = translateGitlabEvent(pipeline({ status: 'running' }));
    expect(running.events).toEqual([COMMIT]);
    expect(running.actorUser).toBeUndefined();
  });

  it('is nobody when the GitLab URL cannot be known', () => {
    const hook = pipeline(
      {},
      { project: { ...pipelineHook.project, web_url: null } },
    );
    expect(translateGitlabEvent(hook).actorUser).toBeUndefined();
  });
});

describe('translateGitlabEvent: other hooks', () => {
  it('records nothing of a hook that names no project', () => {
    expect(translateGitlabEvent({ ...deploymentHook, project: null })).toEqual({
      events: [],
      ignored: [
        'the deployment hook has no project.path_with_namespace, so no entity can claim it',
      ],
    });
  });

  it('records nothing of other kinds of hooks, or of what is no hook', () => {
    expect(translateGitlabEvent({ object_kind: 'push' })).toEqual({
      events: [],
      ignored: ['object_kind push is neither a pipeline nor a deployment hook'],
    });
    expect(translateGitlabEvent('not json')).toMatchObject({ events: [] });
    expect(translateGitlabEvent(null)).toMatchObject({ events: [] });
  });
});

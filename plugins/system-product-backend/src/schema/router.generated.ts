// Generated from plugins/system-product-backend/src/schema/openapi.yaml
// by scripts/generate-openapi.mjs. Do not edit.

import type { SystemProductApiOperations as operations } from '@system-product/backstage-plugin-common';

/**
 * Every operation of the API: path and query parameters, request body and
 * success response body, for the typed router.
 */
export type EndpointMap = {
  '#post|/events': {
    body: NonNullable<
      operations['PostEvents']['requestBody']
    >['content']['application/json'];
    response: operations['PostEvents']['responses'][200]['content']['application/json'];
  };
  '#get|/portfolio': {
    query: NonNullable<operations['GetPortfolio']['parameters']['query']>;
    response: operations['GetPortfolio']['responses'][200]['content']['application/json'];
  };
  '#get|/health': {
    response: operations['GetHealth']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/canvas': {
    path: operations['GetCanvas']['parameters']['path'];
    response: operations['GetCanvas']['responses'][200]['content']['application/json'];
  };
  '#put|/entities/{kind}/{namespace}/{name}/canvas': {
    path: operations['UpdateCanvas']['parameters']['path'];
    body: NonNullable<
      operations['UpdateCanvas']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateCanvas']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/canvas/revisions': {
    path: operations['GetCanvasRevisions']['parameters']['path'];
    response: operations['GetCanvasRevisions']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/journey': {
    path: operations['GetJourney']['parameters']['path'];
    response: operations['GetJourney']['responses'][200]['content']['application/json'];
  };
  '#put|/entities/{kind}/{namespace}/{name}/journey': {
    path: operations['UpdateJourney']['parameters']['path'];
    body: NonNullable<
      operations['UpdateJourney']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateJourney']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/friction': {
    path: operations['ReportFriction']['parameters']['path'];
    body: NonNullable<
      operations['ReportFriction']['requestBody']
    >['content']['application/json'];
    response: operations['ReportFriction']['responses'][201]['content']['application/json'];
  };
  '#put|/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too': {
    path: operations['SayMeToo']['parameters']['path'];
    response: operations['SayMeToo']['responses'][200]['content']['application/json'];
  };
  '#_delete|/entities/{kind}/{namespace}/{name}/touchpoints/{touchpointId}/me-too': {
    path: operations['WithdrawMeToo']['parameters']['path'];
    response: operations['WithdrawMeToo']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/surveys': {
    path: operations['GetSurveyRounds']['parameters']['path'];
    response: operations['GetSurveyRounds']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/surveys': {
    path: operations['OpenSurveyRound']['parameters']['path'];
    body: NonNullable<
      operations['OpenSurveyRound']['requestBody']
    >['content']['application/json'];
    response: operations['OpenSurveyRound']['responses'][201]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/moments': {
    path: operations['GetMomentTriggers']['parameters']['path'];
    response: operations['GetMomentTriggers']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/moments': {
    path: operations['CreateMomentTrigger']['parameters']['path'];
    body: NonNullable<
      operations['CreateMomentTrigger']['requestBody']
    >['content']['application/json'];
    response: operations['CreateMomentTrigger']['responses'][201]['content']['application/json'];
  };
  '#_delete|/entities/{kind}/{namespace}/{name}/moments/{triggerId}': {
    path: operations['DeleteMomentTrigger']['parameters']['path'];
    response: void;
  };
  '#get|/prompts': {
    response: operations['GetMyPrompts']['responses'][200]['content']['application/json'];
  };
  '#get|/prompts/{promptId}': {
    path: operations['GetPrompt']['parameters']['path'];
    response: operations['GetPrompt']['responses'][200]['content']['application/json'];
  };
  '#get|/page-moments': {
    response: operations['GetPageMoments']['responses'][200]['content']['application/json'];
  };
  '#post|/page-moments/visits': {
    body: NonNullable<
      operations['ReportPageVisit']['requestBody']
    >['content']['application/json'];
    response: operations['ReportPageVisit']['responses'][200]['content']['application/json'];
  };
  '#post|/prompts/{promptId}/answer': {
    path: operations['AnswerPrompt']['parameters']['path'];
    body: NonNullable<
      operations['AnswerPrompt']['requestBody']
    >['content']['application/json'];
    response: operations['AnswerPrompt']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/review-settings': {
    path: operations['GetReviewSettings']['parameters']['path'];
    response: operations['GetReviewSettings']['responses'][200]['content']['application/json'];
  };
  '#put|/entities/{kind}/{namespace}/{name}/review-settings': {
    path: operations['SetReviewSettings']['parameters']['path'];
    body: NonNullable<
      operations['SetReviewSettings']['requestBody']
    >['content']['application/json'];
    response: operations['SetReviewSettings']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/reviews': {
    path: operations['GetReviews']['parameters']['path'];
    response: operations['GetReviews']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/reviews': {
    path: operations['CreateReview']['parameters']['path'];
    response: operations['CreateReview']['responses'][201]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/reviews/{reviewId}': {
    path: operations['GetReview']['parameters']['path'];
    response: operations['GetReview']['responses'][200]['content']['application/json'];
  };
  '#get|/me/loop-notifications': {
    response: operations['GetLoopNotifications']['responses'][200]['content']['application/json'];
  };
  '#put|/me/loop-notifications': {
    body: NonNullable<
      operations['SetLoopNotifications']['requestBody']
    >['content']['application/json'];
    response: operations['SetLoopNotifications']['responses'][200]['content']['application/json'];
  };
  '#get|/survey-templates': {
    query: NonNullable<operations['GetSurveyTemplates']['parameters']['query']>;
    response: operations['GetSurveyTemplates']['responses'][200]['content']['application/json'];
  };
  '#post|/survey-templates': {
    body: NonNullable<
      operations['CreateSurveyTemplate']['requestBody']
    >['content']['application/json'];
    response: operations['CreateSurveyTemplate']['responses'][201]['content']['application/json'];
  };
  '#get|/survey-templates/{templateId}': {
    path: operations['GetSurveyTemplate']['parameters']['path'];
    query: NonNullable<operations['GetSurveyTemplate']['parameters']['query']>;
    response: operations['GetSurveyTemplate']['responses'][200]['content']['application/json'];
  };
  '#put|/survey-templates/{templateId}': {
    path: operations['UpdateSurveyTemplate']['parameters']['path'];
    body: NonNullable<
      operations['UpdateSurveyTemplate']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateSurveyTemplate']['responses'][200]['content']['application/json'];
  };
  '#get|/surveys/{roundId}/responses/mine': {
    path: operations['GetMySurveyAnswer']['parameters']['path'];
    response: operations['GetMySurveyAnswer']['responses'][200]['content']['application/json'];
  };
  '#post|/surveys/{roundId}/responses': {
    path: operations['AnswerSurvey']['parameters']['path'];
    body: NonNullable<
      operations['AnswerSurvey']['requestBody']
    >['content']['application/json'];
    response: operations['AnswerSurvey']['responses'][200]['content']['application/json'];
  };
  '#get|/surveys/{roundId}/results': {
    path: operations['GetSurveyResults']['parameters']['path'];
    response: operations['GetSurveyResults']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/slos': {
    path: operations['GetSlos']['parameters']['path'];
    response: operations['GetSlos']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/slos': {
    path: operations['CreateSlo']['parameters']['path'];
    body: NonNullable<
      operations['CreateSlo']['requestBody']
    >['content']['application/json'];
    response: operations['CreateSlo']['responses'][201]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/slos/export': {
    path: operations['ExportSlos']['parameters']['path'];
    response: string;
  };
  '#_delete|/entities/{kind}/{namespace}/{name}/slos/{sloName}': {
    path: operations['DeleteSlo']['parameters']['path'];
    response: void;
  };
  '#get|/entities/{kind}/{namespace}/{name}/slos/{sloName}/status': {
    path: operations['GetSloStatus']['parameters']['path'];
    response: operations['GetSloStatus']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/dora': {
    path: operations['GetDora']['parameters']['path'];
    query: NonNullable<operations['GetDora']['parameters']['query']>;
    response: operations['GetDora']['responses'][200]['content']['application/json'];
  };
  '#get|/entities/{kind}/{namespace}/{name}/roadmap': {
    path: operations['GetRoadmap']['parameters']['path'];
    response: operations['GetRoadmap']['responses'][200]['content']['application/json'];
  };
  '#post|/entities/{kind}/{namespace}/{name}/roadmap': {
    path: operations['CreateRoadmapItem']['parameters']['path'];
    body: NonNullable<
      operations['CreateRoadmapItem']['requestBody']
    >['content']['application/json'];
    response: operations['CreateRoadmapItem']['responses'][201]['content']['application/json'];
  };
  '#patch|/roadmap/{itemId}': {
    path: operations['UpdateRoadmapItem']['parameters']['path'];
    body: NonNullable<
      operations['UpdateRoadmapItem']['requestBody']
    >['content']['application/json'];
    response: operations['UpdateRoadmapItem']['responses'][200]['content']['application/json'];
  };
};
